public import Foundation
import Normalization
import Policy
public import Vault

/// Imports a customer CSV file: every row is normalised, rows are resolved into one subject
/// per person (external id authoritative, e-mail and phone only where they join no two external
/// ids), and the values are written encrypted through the vault's write API.
///
/// Two passes over the file keep memory flat: the first reads only identifiers (as blind-index
/// tokens) and resolves them; the second re-reads the rows and writes them in batches, each one
/// transaction. A re-run skips rows already imported (by source and source record id), so an
/// interrupted import resumes without duplicates.
public struct CustomerImporter {
    let vault: Vault
    let actor: Actor

    /// Options of one import.
    public struct Options: Sendable {
        /// The source system (`crm`, `web`...) when the file has no `source` column.
        public var source: String?
        /// An explicit column mapping (JSON) overriding the automatic one.
        public var mappingFile: URL?
        /// Rows per transaction.
        public var batchSize = 2_000

        /// Default options.
        public init(source: String? = nil, mappingFile: URL? = nil) {
            self.source = source
            self.mappingFile = mappingFile
        }
    }

    /// Creates an importer writing as `actor` (normally the `unification` module on behalf of a role).
    public init(vault: Vault, actor: Actor) {
        self.vault = vault
        self.actor = actor
    }

    /// Imports `file`; returns the summary and the reject report (file, line, field, reason — no values).
    public func run(file: URL, options: Options = Options(), progress: (Int) -> Void = { _ in }) throws -> (
        ImportSummary, RejectReport
    ) {
        let started = ContinuousClock.now
        var summary = ImportSummary(file: file.lastPathComponent)
        var report = RejectReport()
        let mappingFile = try options.mappingFile.map { url throws(UnificationError) in
            try CSVMappingFile.load(contentsOf: url)
        }
        let normalizer = FieldNormalizer(now: Date(timeIntervalSince1970: Double(vault.now()) / 1000))
        let defaultSource = options.source ?? file.deletingPathExtension().lastPathComponent

        // Pass 1: identifiers only → resolution.
        var rows: [RowKey] = []
        var records: [ResolutionRecord] = []
        var existing: [SubjectID] = []
        let resolution: Resolution = try vault.write(as: actor, purpose: "unification", action: "resolve") { w in
            var existingRecords: [ExistingSubject] = []
            if try !w.vaultIsEmpty() {
                var index: [SubjectID: Int] = [:]
                var collected: [Int: ExistingSubject] = [:]
                try w.forEachIdentity { subject, kind, token in
                    guard let identifier = IdentifierToken(bytes: token) else { return }
                    let slot =
                        index[subject]
                        ?? {
                            let next = existing.count
                            existing.append(subject)
                            index[subject] = next
                            return next
                        }()
                    var entry = collected[slot] ?? ExistingSubject(id: slot)
                    switch kind {
                    case .externalID: entry.externalIDs.append(identifier)
                    case .email: entry.emails.append(identifier)
                    case .phone: entry.phones.append(identifier)
                    case .anonymousID: entry.anonymousIDs.append(identifier)
                    }
                    collected[slot] = entry
                }
                existingRecords = collected.keys.sorted().map { collected[$0]! }
            }
            let reader = try CSVReader(url: file, options: Self.readerOptions)
            let mapping = try CSVHeaderMapping(
                header: reader.header, fileName: reader.fileName, mappingFile: mappingFile)
            while let outcome = try reader.next() {
                guard case .record(let record) = outcome else { continue }
                let region = mapping.value(of: .country, in: record).flatMap { try? Normalizer.country($0) }
                func token(_ field: CanonicalField, _ kind: IdentityKind) -> IdentifierToken? {
                    guard let raw = mapping.value(of: field, in: record),
                        case .value(_, let normalized) = normalizer.normalize(field, raw, region: region),
                        try! !w.isSuppressedFast(kind, normalized)
                    else { return nil }
                    return IdentifierToken(bytes: w.identityToken(kind, normalized: normalized))
                }
                let external = token(.externalId, .externalID)
                let email = token(.email, .email)
                let phone = token(.phone, .phone)
                rows.append(RowKey(line: record.line))
                records.append(
                    ResolutionRecord(
                        index: records.count, externalID: external, emails: email.map { [$0] } ?? [],
                        phones: phone.map { [$0] } ?? []))
            }
            return ResolutionSession.resolve(records, existing: existingRecords)
        }
        records = []
        // Existing subjects the new records join together are merged first (each merge logged, undoable).
        var survivorOf: [Int: Int] = [:]
        for merge in resolution.merges {
            for absorbed in merge.absorbed where absorbed != merge.survivor {
                try vault.merge(
                    existing[absorbed], into: existing[merge.survivor], rule: "identity resolution", as: actor)
                survivorOf[absorbed] = merge.survivor
                summary.mergesApplied += 1
            }
        }
        existing = existing.indices.map { existing[survivorOf[$0] ?? $0] }

        // Pass 2: write, in batches.
        let reader = try CSVReader(url: file, options: Self.readerOptions)
        let mapping = try CSVHeaderMapping(header: reader.header, fileName: reader.fileName, mappingFile: mappingFile)
        var subjectOfCluster: [Int: SubjectID] = [:]
        var winners: [SubjectID: [String: Rank]] = [:]
        var recordIndex = 0
        var batch: [(CSVRecord, Int)] = []
        func flush() throws {
            guard !batch.isEmpty else { return }
            try vault.write(as: actor, purpose: "unification", action: "import-customers") { w in
                for (record, index) in batch {
                    try importRow(
                        record, placement: resolution.placements[index], mapping: mapping, normalizer: normalizer,
                        defaultSource: defaultSource, existing: existing, subjectOfCluster: &subjectOfCluster,
                        winners: &winners, writer: w, summary: &summary, report: &report, file: reader.fileName)
                }
            }
            progress(summary.read)
            batch.removeAll(keepingCapacity: true)
        }
        while let outcome = try reader.next() {
            switch outcome {
            case .problem(let problem):
                summary.read += 1
                summary.rejected += 1
                report.add(problem, file: reader.fileName)
            case .record(let record):
                summary.read += 1
                guard recordIndex < rows.count, rows[recordIndex].line == record.line else {
                    throw UnificationError(.cannotRead, fileName: reader.fileName, "the file changed during the import")
                }
                batch.append((record, recordIndex))
                recordIndex += 1
                if batch.count >= options.batchSize { try flush() }
            }
        }
        try flush()
        summary.rejectsByReason = report.countsByReason
        summary.milliseconds =
            Int64((ContinuousClock.now - started).components.seconds * 1000)
            + Int64((ContinuousClock.now - started).components.attoseconds / 1_000_000_000_000_000)
        return (summary, report)
    }

    /// The text without leading and trailing ASCII spaces and tabs (fast path for import columns).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, first == 32 || first == 9 || last == 32 || last == 9 else {
            return text
        }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 32 || utf8[start] == 9 { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)] == 32 || utf8[utf8.index(before: end)] == 9 {
            end = utf8.index(before: end)
        }
        return String(text[start..<end])
    }

    /// Fields up to 64 KiB are read, so that one over-long value (a hostile 5,000-character city)
    /// costs that field — rejected by the normalisation rules — and not the whole record.
    static let readerOptions: CSVReaderOptions = {
        var options = CSVReaderOptions()
        options.maxFieldLength = 65_536
        return options
    }()

    struct RowKey {
        let line: Int
    }

    /// How a stored value ranks against a new one under the field's survivorship rule.
    struct Rank {
        let trust: Int
        let time: Int64
    }

    private func importRow(
        _ record: CSVRecord, placement: RecordPlacement, mapping: CSVHeaderMapping, normalizer: FieldNormalizer,
        defaultSource: String, existing: [SubjectID], subjectOfCluster: inout [Int: SubjectID],
        winners: inout [SubjectID: [String: Rank]], writer w: VaultWriter, summary: inout ImportSummary,
        report: inout RejectReport, file: String
    ) throws {
        let source = mapping.value(of: .source, in: record).map(Self.trimmed) ?? defaultSource
        let recordID = mapping.value(of: .sourceRecordId, in: record).map(Self.trimmed) ?? "line-\(record.line)"
        if try w.subject(forSource: source, recordID: recordID) != nil {
            summary.alreadyImported += 1
            return
        }
        let region = mapping.value(of: .country, in: record).flatMap { try? Normalizer.country($0) }
        var values: [(CanonicalField, FieldValue, String)] = []
        var dropped: [RecordProblem] = []
        for field in CanonicalField.allCases where FieldNormalizer.policyField(field) != nil {
            guard let raw = mapping.value(of: field, in: record) else { continue }
            switch normalizer.normalize(field, raw, region: region) {
            case .value(let value, let normalized): values.append((field, value, normalized))
            case .problem(let reason):
                dropped.append(RecordProblem(line: record.line, field: field.rawValue, reason: reason))
            }
        }
        let identifiers = values.filter { [.externalId, .email, .phone].contains($0.0) }
        let suppressed = try identifiers.contains { field, _, normalized in
            try w.isSuppressedFast(field == .email ? .email : field == .phone ? .phone : .externalID, normalized)
        }
        if suppressed {
            summary.rejected += 1
            report.add(RecordProblem(line: record.line, field: nil, reason: .suppressed), file: file)
            return
        }
        guard !identifiers.isEmpty else {
            summary.rejected += 1
            for problem in dropped { report.add(problem, file: file) }
            report.add(RecordProblem(line: record.line, field: nil, reason: .noIdentifier), file: file)
            return
        }
        for problem in dropped { report.add(problem, file: file) }
        summary.fieldsDropped += dropped.count

        // The subject this row resolved to.
        let subject: SubjectID
        switch placement {
        case .existing(let index):
            subject = existing[index]
            summary.subjectsMatched += winners[subject] == nil ? 1 : 0
        case .new(let cluster):
            if let known = subjectOfCluster[cluster] {
                subject = known
            } else {
                let jurisdiction = vault.policy.regime(forCountry: region ?? "").name
                subject = try w.createSubject(jurisdiction: jurisdiction)
                subjectOfCluster[cluster] = subject
                summary.subjectsCreated += 1
            }
        }
        if winners[subject] == nil { winners[subject] = [:] }

        // Survivorship: does this row's value replace the one already stored?
        let created =
            mapping.value(of: .createdAt, in: record).flatMap { Timestamp.parseMilliseconds(Self.trimmed($0)) } ?? 0
        for (field, value, _) in values {
            guard let name = FieldNormalizer.policyField(field), vault.policy.field(named: name) != nil else {
                continue
            }
            let rule = vault.policy.survivorshipRule(for: name)
            let rank = Rank(trust: -(rule.trustRank(of: source) ?? rule.sourceTrust.count), time: created)
            if let current = winners[subject]?[name] {
                let wins: Bool
                switch rule.strategy {
                case .mostRecent: wins = (rank.time, rank.trust) > (current.time, current.trust)
                case .mostTrustedSource: wins = (rank.trust, rank.time) > (current.trust, current.time)
                case .nonEmpty: wins = false
                }
                if !wins { continue }
            }
            winners[subject]?[name] = rank
            try w.setField(name, of: subject, to: value, source: source)
        }
        // Every identifier of the row stays linked even when another value won the field.
        for (field, _, normalized) in identifiers {
            let kind: IdentityKind = field == .email ? .email : field == .phone ? .phone : .externalID
            try w.link(kind, normalized: normalized, to: subject)
        }
        if let country = region {
            let jurisdiction = vault.policy.regime(forCountry: country).name
            if try w.jurisdiction(of: subject) != jurisdiction { try w.setJurisdiction(jurisdiction, of: subject) }
        }
        try w.recordSource(source, recordID: recordID, subject: subject)
        summary.imported += 1
    }
}
