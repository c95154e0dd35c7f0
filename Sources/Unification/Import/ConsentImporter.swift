public import Foundation
import Normalization
public import Vault

/// Imports consent records (NDJSON, one object per line: `external_id` or `email`, `purpose`,
/// `status`, `lawful_basis`, `source`, `jurisdiction`, `at`, `consent_text_version`, optional
/// `expires_at` and `given_by`) into the consent ledger, in batches. A line whose person, text
/// version or values are invalid is rejected with its reason; a record already in the ledger is
/// skipped, so a re-run adds nothing.
public struct ConsentImporter {
    let vault: Vault
    let actor: Actor

    /// Creates an importer writing as `actor`.
    public init(vault: Vault, actor: Actor) {
        self.vault = vault
        self.actor = actor
    }

    /// Lines per transaction. Refusals come back when a batch is written, after the parse rejects
    /// of its later lines; the report is put in line order at the end, so the size does not show.
    public var batchSize = 50_000

    /// Imports `file`.
    public func run(file: URL, progress: (Int) -> Void = { _ in }) throws -> (ImportSummary, RejectReport) {
        try vault.bulkWrites { try runImport(file: file, progress: progress) }
    }

    private func runImport(file: URL, progress: (Int) -> Void) throws -> (ImportSummary, RejectReport) {
        let started = ContinuousClock.now
        var summary = ImportSummary(file: file.lastPathComponent)
        var report = RejectReport()
        let reader = try NDJSONLineReader(url: file)
        var pending: [(line: Int, input: ConsentInput)] = []
        var subjectOfKey: [String: SubjectID?] = [:]
        func reject(_ line: Int, _ field: String?, _ reason: RejectReason) {
            summary.rejected += 1
            report.add(RecordProblem(line: line, field: field, reason: reason), file: reader.fileName)
        }
        func flush() throws {
            guard !pending.isEmpty else { return }
            let result = try vault.recordConsents(pending.map(\.input), as: actor, skippingInvalid: true)
            summary.imported += result.records.count
            summary.alreadyImported += result.duplicates
            for (index, reason) in result.rejected { reject(pending[index].line, nil, .refused(Self.strip(reason))) }
            progress(summary.read)
            pending.removeAll(keepingCapacity: true)
        }
        while let outcome = try reader.next() {
            summary.read += 1
            switch outcome {
            case .problem(let problem):
                summary.rejected += 1
                report.add(problem, file: reader.fileName)
            case .line(let line):
                guard let object = Self.stringMembers(line.bytes) else {
                    reject(line.number, nil, .invalidJSON("not a JSON object"))
                    continue
                }
                switch try makeInput(object, line: line.number, cache: &subjectOfKey) {
                case .success(let input): pending.append((line.number, input))
                case .failure(let problem): reject(line.number, problem.field, problem.reason)
                }
                if pending.count >= batchSize { try flush() }
            }
        }
        try flush()
        report.sortByLine()
        summary.rejectsByReason = report.countsByReason
        let elapsed = ContinuousClock.now - started
        summary.milliseconds =
            elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        return (summary, report)
    }

    struct Problem: Error {
        let field: String?
        let reason: RejectReason
    }

    private func makeInput(_ object: [String: String], line: Int, cache: inout [String: SubjectID?]) throws -> Result<
        ConsentInput, Problem
    > {
        func text(_ key: String) -> String? { object[key].flatMap { $0.isEmpty ? nil : $0 } }
        // The person: external id first, else a unique e-mail.
        let subject: SubjectID?
        if let raw = text("external_id") {
            guard let external = try? Normalizer.externalID(raw) else {
                return .failure(
                    Problem(
                        field: "external_id",
                        reason: .invalidValue(code: "invalid_id", message: "not a valid external id")))
            }
            subject = try lookup("x:" + external, cache: &cache) {
                try vault.subjects(with: .externalID, normalized: external)
            }
        } else if let raw = text("email") {
            guard let email = try? Normalizer.email(raw) else {
                return .failure(
                    Problem(
                        field: "email",
                        reason: .invalidValue(code: "invalid_email", message: "not a valid e-mail address")))
            }
            subject = try lookup("e:" + email, cache: &cache) { try vault.subjects(with: .email, normalized: email) }
        } else {
            return .failure(Problem(field: nil, reason: .noIdentifier))
        }
        guard let subject else {
            return .failure(
                Problem(
                    field: text("external_id") == nil ? "email" : "external_id",
                    reason: .refused("no single imported customer has this identifier")))
        }
        guard let purpose = text("purpose") else { return .failure(Problem(field: "purpose", reason: .missingField)) }
        guard let status = text("status"), ["granted", "withdrawn", "refused"].contains(status) else {
            return .failure(
                Problem(
                    field: "status",
                    reason: .invalidValue(
                        code: "invalid_status", message: "status must be granted, withdrawn or refused")))
        }
        guard let at = text("at").flatMap(Timestamp.parseMilliseconds) else {
            return .failure(Problem(field: "at", reason: .invalidTimestamp))
        }
        guard let version = text("consent_text_version") else {
            return .failure(Problem(field: "consent_text_version", reason: .missingField))
        }
        let expires = text("expires_at").flatMap(Timestamp.parseMilliseconds)
        return .success(
            ConsentInput(
                subject: subject, purpose: purpose, status: status, lawfulBasis: text("lawful_basis") ?? "consent",
                source: Self.source(text("source")), textVersion: version, collectedAt: at, expiresAt: expires,
                givenBy: text("given_by") == "guardian" ? .guardian : .subject,
                evidence: text("evidence") ?? "import \(line)",
                ipAddress: text("ip")))
    }

    private func lookup(_ key: String, cache: inout [String: SubjectID?], _ find: () throws -> [SubjectID]) throws
        -> SubjectID?
    {
        if let cached = cache[key] { return cached }
        let found = try find()
        let subject = found.count == 1 ? found[0] : nil
        cache[key] = subject
        return subject
    }

    /// The string members of a line holding one JSON object (escapes resolved), as
    /// `JSONSerialization` reads them: members whose value is not a string are left out, a repeated
    /// name keeps its last value; nil when the line is not a JSON object. Strict RFC 8259 lines
    /// (all of them in practice) are read by `JSONCursor`, many times faster; any other line goes to
    /// `JSONSerialization`, which accepts a few extensions (trailing commas, deeper nesting).
    static func stringMembers(_ line: [UInt8]) -> [String: String]? {
        if let members = strictStringMembers(line) { return members }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else { return nil }
        return object.compactMapValues { $0 as? String }
    }

    /// `stringMembers` of a strict RFC 8259 object line; nil for anything else.
    static func strictStringMembers(_ line: [UInt8]) -> [String: String]? {
        line.withUnsafeBufferPointer { bytes -> [String: String]? in
            var cursor = JSONCursor(bytes)
            // Room for a record's dozen members up front: growing from empty rehashes four times.
            var members = [String: String](minimumCapacity: 16)
            do throws(JSONSyntaxError) {
                try cursor.expect(UInt8(ascii: "{"), "'{'")
                var first = true
                while let key = try cursor.nextKey(first: first) {
                    first = false
                    let name = JSONString.decode(bytes, key)
                    let value = try cursor.skipValue(depth: 1)
                    members[name] = value.kind == .string ? JSONString.decode(bytes, value) : nil
                }
                guard cursor.isAtEnd() else { return nil }
            } catch {
                return nil
            }
            return members
        }
    }

    /// Maps the source names of consent-management exports to the ledger's sources.
    static func source(_ text: String?) -> ConsentSource {
        switch text?.lowercased() {
        case "web", "web-form", "web_form", "form": .webForm
        case "pos", "store", "point-of-sale": .pointOfSale
        case "app", "mobile": .app
        case "api": .api
        case "cmp", "preference-center", "preference_center", "tcf": .consentManagementPlatform
        case "paper": .paper
        default: .import
        }
    }

    /// The vault's message without its "consent record N: " prefix (the report gives the line).
    static func strip(_ message: String) -> String {
        guard let range = message.range(of: ": ") else { return message }
        return String(message[range.upperBound...])
    }
}
