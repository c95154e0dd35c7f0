public import Foundation
import Normalization
import Policy
public import Vault

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Imports Segment-spec NDJSON (`identify`, `track`, `page`, `screen`, `alias`, `batch`).
///
/// Two passes, flat memory: the first reads the identity messages (`identify`, `alias`) and
/// learns which anonymous ids belong to which user id or e-mail/phone; the second resolves each
/// message to a subject (user id → external id; anonymous id → its user, or the customer found by
/// a unique e-mail or phone; otherwise an anonymous subject of its own) and stores `track`, `page`
/// and `screen` events encrypted, in batches. The same message id twice for one subject is stored
/// once (message ids are deduplicated per subject, Docs/decisions.md entry 29), so a re-run adds
/// nothing: a message resolves to the same subject every time.
public struct EventImporter {
    let vault: Vault
    let actor: Actor

    /// Creates an importer writing as `actor`.
    public init(vault: Vault, actor: Actor) {
        self.vault = vault
        self.actor = actor
    }

    /// Messages per transaction.
    public var batchSize = 200_000

    /// Imports `file`.
    public func run(file: URL, source: String = "segment", progress: (Int) -> Void = { _ in }) throws -> (
        ImportSummary, RejectReport
    ) {
        try vault.bulkWrites { try runImport(file: file, source: source, progress: progress) }
    }

    private func runImport(file: URL, source: String, progress: (Int) -> Void) throws -> (
        ImportSummary, RejectReport
    ) {
        let started = ContinuousClock.now
        var summary = ImportSummary(file: file.lastPathComponent)
        var report = RejectReport()

        // Pass 1: what each anonymous id is (a user id, or contact traits).
        var anonymousToUser: [String: String] = [:]
        var anonymousTraits: [String: (email: String?, phone: String?, country: String?)] = [:]
        var countryOfUser: [String: String] = [:]
        do {
            let reader = try NDJSONLineReader(url: file)
            while let outcome = try reader.next() {
                guard case .line(let line) = outcome, Self.mayHoldIdentityMessage(line.bytes) else { continue }
                for parsed in SegmentMessageParser.parse(line) {
                    guard case .message(let message) = parsed else { continue }
                    switch message.type {
                    case .identify:
                        if let user = message.userId, let country = message.traits[.country] {
                            countryOfUser[user] = country
                        }
                        guard let anonymous = message.anonymousId else { continue }
                        if let user = message.userId {
                            anonymousToUser[anonymous] = user
                        } else {
                            anonymousTraits[anonymous] = (
                                message.traits[.email], message.traits[.phone], message.traits[.country]
                            )
                        }
                    case .alias:
                        if let previous = message.previousId, let user = message.userId {
                            anonymousToUser[previous] = user
                        }
                    default: continue
                    }
                }
            }
        }

        // Pass 2: resolve and write, one transaction per batch of `batchSize` messages. Each
        // message is resolved as it is read and goes straight into the batch's `EventBatch`
        // (reused from batch to batch): no message is held or copied (a copy retains each of
        // its strings and arrays, an atomic operation each). Decision 34.
        var resolved = ResolvedSubjects()
        let reader = try NDJSONLineReader(url: file)
        var atEnd = false
        var events = EventBatch(capacity: batchSize)
        while !atEnd {
            try vault.write(as: actor, purpose: "unification", action: "import-events") { w in
                events.removeAll()
                var messages = 0
                while messages < batchSize {
                    guard let outcome = try reader.next() else {
                        atEnd = true
                        break
                    }
                    switch outcome {
                    case .problem(let problem):
                        summary.read += 1
                        summary.rejected += 1
                        report.add(problem, file: reader.fileName)
                    case .line(let line):
                        // Moved out in order (a line holds one message unless it is a batch).
                        var outcomes = SegmentMessageParser.parse(line)
                        outcomes.reverse()
                        while let parsed = outcomes.popLast() {
                            summary.read += 1
                            switch consume parsed {
                            case .problem(let problem):
                                summary.rejected += 1
                                report.add(problem, file: reader.fileName)
                            case .message(let message):
                                messages += 1
                                guard
                                    let subject = try resolve(
                                        message, w: w, anonymousToUser: anonymousToUser,
                                        anonymousTraits: anonymousTraits, countryOfUser: countryOfUser,
                                        resolved: &resolved, summary: &summary)
                                else {
                                    summary.rejected += 1
                                    report.add(
                                        RecordProblem(line: message.line, field: "userId", reason: .noIdentifier),
                                        file: reader.fileName)
                                    continue
                                }
                                guard let type = Self.eventType(message) else { continue }
                                events.append(
                                    subject: subject, type: type, at: message.timestamp, source: source,
                                    messageID: message.messageId, properties: message.properties ?? Self.emptyObject)
                            }
                        }
                    }
                }
                // Subject order turns the index inserts of a batch into neighbouring page writes.
                events.sortBySubject()
                let inserted = try w.appendEvents(events)
                summary.imported += inserted
                summary.alreadyImported += events.count - inserted
            }
            progress(summary.read)
        }
        summary.rejectsByReason = report.countsByReason
        let elapsed = ContinuousClock.now - started
        summary.milliseconds =
            elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        return (summary, report)
    }

    /// The properties stored for a message without any: an empty JSON object.
    static let emptyObject = Array("{}".utf8)

    /// The subjects this run resolved, by normalised id, and by id as written (a message's ids are
    /// looked up as written first, which skips normalising them again).
    struct ResolvedSubjects {
        var ofUser: [String: SubjectID] = [:]
        var ofAnonymous: [String: SubjectID] = [:]
        var ofRawUser: [String: SubjectID] = [:]
        var ofRawAnonymous: [String: SubjectID] = [:]
    }

    /// False only when `line` cannot hold an `identify`, `alias` or `batch` message: it has no
    /// escape (which could spell one), so such a message would show `"identify"`, `"alias"` or
    /// `"batch"` verbatim, and none occurs. Pass 1 parses only the other lines; most lines are
    /// `track` and `page` events.
    static func mayHoldIdentityMessage(_ line: [UInt8]) -> Bool {
        line.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, !raw.isEmpty else { return false }
            if memchr(base, Int32(UInt8(ascii: "\\")), raw.count) != nil { return true }
            let bytes = raw.bindMemory(to: UInt8.self)
            var from = 0
            while from < bytes.count, let found = memchr(base + from, Int32(UInt8(ascii: "\"")), bytes.count - from) {
                let quote = base.distance(to: UnsafeRawPointer(found))
                let rest = UnsafeBufferPointer(rebasing: bytes[(quote + 1)...])
                switch rest.first {
                case UInt8(ascii: "i"): if startsWith(rest, "identify\"") { return true }
                case UInt8(ascii: "a"): if startsWith(rest, "alias\"") { return true }
                case UInt8(ascii: "b"): if startsWith(rest, "batch\"") { return true }
                default: break
                }
                from = quote + 1
            }
            return false
        }
    }

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return ASCIIBytes.equal(UnsafeBufferPointer(rebasing: bytes[..<count]), word)
    }

    /// The stored event type: the track event's name, else the message type (`page`, `screen`);
    /// nil for identity messages, which link ids and are not stored as events.
    static func eventType(_ message: SegmentMessage) -> String? {
        switch message.type {
        case .track: message.event
        case .page: "page"
        case .screen: "screen"
        default: nil
        }
    }

    private func resolve(
        _ message: SegmentMessage, w: VaultWriter, anonymousToUser: [String: String],
        anonymousTraits: [String: (email: String?, phone: String?, country: String?)], countryOfUser: [String: String],
        resolved: inout ResolvedSubjects, summary: inout ImportSummary
    ) throws -> SubjectID? {
        let user = message.userId ?? message.anonymousId.flatMap { anonymousToUser[$0] }
        if let user, let known = resolved.ofRawUser[user] { return known }
        if let user, let externalID = try? Normalizer.externalID(user) {
            if let known = resolved.ofUser[externalID] {
                resolved.ofRawUser[user] = known
                return known
            }
            let subject: SubjectID
            if let found = try w.subjects(with: .externalID, normalized: externalID).first {
                subject = found
                summary.subjectsMatched += 1
            } else {
                let country = (message.traits[.country] ?? countryOfUser[user]).flatMap { try? Normalizer.country($0) }
                subject = try w.createSubject(jurisdiction: vault.policy.regime(forCountry: country ?? "").name)
                try w.link(.externalID, normalized: externalID, to: subject)
                summary.subjectsCreated += 1
            }
            resolved.ofUser[externalID] = subject
            resolved.ofRawUser[user] = subject
            if let anonymous = message.anonymousId, let normalized = try? Normalizer.anonymousID(anonymous) {
                try w.link(.anonymousID, normalized: normalized, to: subject)
            }
            return subject
        }
        guard let anonymous = message.anonymousId else { return nil }
        if let known = resolved.ofRawAnonymous[anonymous] { return known }
        guard let normalized = try? Normalizer.anonymousID(anonymous) else { return nil }
        if let known = resolved.ofAnonymous[normalized] {
            resolved.ofRawAnonymous[anonymous] = known
            return known
        }
        var subject = try w.subjects(with: .anonymousID, normalized: normalized).first
        if subject == nil, let traits = anonymousTraits[anonymous] {
            let country = traits.country.flatMap { try? Normalizer.country($0) }
            // A contact links only when it names exactly one subject (a shared household e-mail does not).
            if let email = traits.email.flatMap({ try? Normalizer.email($0) }) {
                let found = try w.subjects(with: .email, normalized: email)
                if found.count == 1 { subject = found[0] }
            }
            if subject == nil, let phone = traits.phone.flatMap({ try? Normalizer.phone($0, defaultRegion: country) }) {
                let found = try w.subjects(with: .phone, normalized: phone)
                if found.count == 1 { subject = found[0] }
            }
        }
        if let subject {
            summary.subjectsMatched += 1
            try w.link(.anonymousID, normalized: normalized, to: subject)
        } else {
            let created = try w.createSubject(jurisdiction: vault.policy.defaultRegime.name)
            try w.link(.anonymousID, normalized: normalized, to: created)
            summary.subjectsCreated += 1
            subject = created
        }
        resolved.ofAnonymous[normalized] = subject
        resolved.ofRawAnonymous[anonymous] = subject
        return subject
    }
}
