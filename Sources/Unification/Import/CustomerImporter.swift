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
        /// Rows per transaction. Every commit rewrites the index pages its random keys touched, so
        /// at 100k people batches of 100,000 import about 30% faster than batches of 20,000.
        public var batchSize = 100_000

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
        try vault.bulkWrites { try runImport(file: file, options: options, progress: progress) }
    }

    private func runImport(file: URL, options: Options, progress: (Int) -> Void) throws -> (
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
        var rows = CarriedRows()
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
                let region = mapping.withValue(of: .country, in: record) { normalizer.country(utf8: $0) } ?? nil
                func identifier(_ field: CanonicalField) throws -> (normalized: String, token: IdentifierToken)? {
                    guard let kind = Self.identityKind(field), let raw = mapping.value(of: field, in: record),
                        case .value(_, let normalized) = normalizer.normalize(field, raw, region: region),
                        try !w.isSuppressedFast(kind, normalized)
                    else { return nil }
                    let (high, low) = w.identityTokenWords(kind, normalized: normalized)
                    return (normalized, IdentifierToken(high: high, low: low))
                }
                let external = try identifier(.externalId)
                let email = try identifier(.email)
                let phone = try identifier(.phone)
                rows.append(record, externalID: external, email: email, phone: phone)
                records.append(
                    ResolutionRecord(
                        index: records.count, externalID: external?.token, emails: email.map { [$0.token] } ?? [],
                        phones: phone.map { [$0.token] } ?? []))
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

        // Pass 2: write, in batches of `batchSize` records, each one transaction, reading the file
        // as the batch goes: no record is kept past its row (the reader reuses its memory).
        let reader = try CSVReader(url: file, options: Self.readerOptions)
        let mapping = try CSVHeaderMapping(header: reader.header, fileName: reader.fileName, mappingFile: mappingFile)
        var state = WriteState(policy: vault.policy, defaultSource: defaultSource, existing: existing)
        var recordIndex = 0
        func fileChanged() -> UnificationError {
            UnificationError(.cannotRead, fileName: reader.fileName, "the file changed during the import")
        }
        /// Counts a rejected line; returns the next record, or nil at the end of the file.
        func nextRecord() throws -> CSVRecord? {
            while let outcome = try reader.next() {
                summary.read += 1
                switch outcome {
                case .problem(let problem):
                    summary.rejected += 1
                    report.add(problem, file: reader.fileName)
                case .record(let record):
                    guard recordIndex < rows.count, rows.isRow(recordIndex, of: record) else { throw fileChanged() }
                    return record
                }
            }
            return nil
        }
        while recordIndex < rows.count {
            let end = min(recordIndex + options.batchSize, rows.count)
            try vault.write(as: actor, purpose: "unification", action: "import-customers") { w in
                var writes = PendingWrites(rows: end - recordIndex)
                // Only earlier transactions can hold this batch's source records as imported; in the
                // first batch into a vault without any, no row needs looking up.
                if !state.storeMayHaveSources { state.storeMayHaveSources = try w.hasSourceRecords() }
                while recordIndex < end {
                    guard let record = try nextRecord() else { throw fileChanged() }
                    try importRow(
                        record, row: recordIndex, carried: rows, placement: resolution.placements[recordIndex],
                        mapping: mapping, normalizer: normalizer,
                        state: &state, writes: &writes, writer: w, summary: &summary, report: &report,
                        file: reader.fileName)
                    recordIndex += 1
                }
                state.storeMayHaveSources = true
                try w.setFields(writes.fields)
                try w.link(writes.links)
                try w.recordSources(writes.sources)
            }
            progress(summary.read)
        }
        // Lines after the last record can only be rejected ones.
        if try nextRecord() != nil { throw fileChanged() }
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

    /// A canonical field that is stored as a policy field, with what the run needs to know of it.
    struct StoredField {
        let field: CanonicalField
        /// The policy field's name.
        let name: String
        /// False when the policy has no such field (the value is normalised but not stored).
        let inPolicy: Bool
        let rule: SurvivorshipRule
    }

    /// What pass 2 carries from row to row and batch to batch.
    struct WriteState {
        let policy: AccessPolicy
        let defaultSource: String
        let existing: [SubjectID]
        /// The canonical fields stored as policy fields, in `CanonicalField` order.
        let storedFields: [StoredField]
        var subjectOfCluster: [Int: SubjectID] = [:]
        /// Per subject seen in this run, its slot in `winnerTimes` and `winnerTrusts` (one entry
        /// per stored field): the rank of the value this run last wrote, `Int.min` trust for none.
        var winnerSlots: [SubjectID: Int32] = [:]
        var winnerTimes: [Int64] = []
        var winnerTrusts: [Int] = []
        /// Trust ranks (negated, per stored field) of each source seen, in order of first sight
        /// (a file has a handful of sources, often interleaved row by row).
        var trustSources: [String] = []
        var trustsOfSource: [[Int]] = []
        /// Jurisdictions by country code, in order of first sight (a file names a few dozen
        /// countries at most: a scan of short strings beats hashing them).
        var regimes: [(country: String, regime: String)] = []
        /// False while the vault holds no source record from before this transaction.
        var storeMayHaveSources = false
        /// The buffer of a row's normalised values, handed from row to row so that its memory is
        /// allocated once per import instead of grown anew for every row.
        var rowValues: [(number: Int, value: FieldValue, normalized: String)] = []

        init(policy: AccessPolicy, defaultSource: String, existing: [SubjectID]) {
            self.policy = policy
            self.defaultSource = defaultSource
            self.existing = existing
            storedFields = CanonicalField.allCases.compactMap { field in
                FieldNormalizer.policyField(field).map {
                    StoredField(
                        field: field, name: $0, inPolicy: policy.field(named: $0) != nil,
                        rule: policy.survivorshipRule(for: $0))
                }
            }
        }

        /// The slot of `subject`'s winners, and whether this run had not seen it yet.
        mutating func winnerSlot(of subject: SubjectID) -> (slot: Int, new: Bool) {
            if let slot = winnerSlots[subject] { return (Int(slot) * storedFields.count, false) }
            let slot = winnerSlots.count
            winnerSlots[subject] = Int32(slot)
            winnerTimes.append(contentsOf: repeatElement(0, count: storedFields.count))
            winnerTrusts.append(contentsOf: repeatElement(Int.min, count: storedFields.count))
            return (slot * storedFields.count, true)
        }

        /// The negated trust rank of `source` for each stored field.
        mutating func trustRanks(of source: String) -> [Int] {
            if let known = trustSources.firstIndex(of: source) { return trustsOfSource[known] }
            let trusts = storedFields.map { -($0.rule.trustRank(of: source) ?? $0.rule.sourceTrust.count) }
            // A file with many sources (hostile input) keeps the search short: only the first 64 are kept.
            if trustSources.count < 64 {
                trustSources.append(source)
                trustsOfSource.append(trusts)
            }
            return trusts
        }

        /// The jurisdiction (regime name) of a country code.
        mutating func jurisdiction(forCountry country: String) -> String {
            if let known = regimes.first(where: { $0.country == country }) { return known.regime }
            let name = policy.regime(forCountry: country).name
            // Country codes are normalised (two letters), so the list stays short; a hostile file
            // cannot grow it past the code table.
            if regimes.count < 512 { regimes.append((country, name)) }
            return name
        }
    }

    /// What the rows of one transaction write, in bulk at its end (in key order, see
    /// `VaultWriter.setFields`): each row's winning field values, identities and source record.
    struct PendingWrites {
        var fields: [VaultWriter.FieldWrite] = []
        var links: [VaultWriter.IdentityLink] = []
        var sources: [VaultWriter.SourceRecord] = []
        /// The source records of this transaction, which a repeated row must find as already
        /// imported, by `source ‖ 0xFF ‖ record id` (0xFF never occurs in UTF-8, so the pair reads
        /// back unambiguously). Bytes compare as the store compares them (SQLite's `BINARY`
        /// collation), where `String` equality would follow canonical equivalence.
        private var sourceKeys: ByteKeyedTable<Bool>
        private var key: [UInt8] = []

        /// Room for a batch of `rows` rows (about ten fields and two identifiers each).
        init(rows: Int) {
            fields.reserveCapacity(rows * 10)
            links.reserveCapacity(rows * 2)
            sources.reserveCapacity(rows)
            sourceKeys = ByteKeyedTable(capacity: rows)
        }

        /// Whether this transaction already imports the record `recordID` of `source`.
        mutating func hasSource(_ source: String, recordID: String) -> Bool {
            setKey(source, recordID)
            return key.withUnsafeBufferPointer { sourceKeys.value(for: $0) } != nil
        }

        /// Notes that this transaction imports the record `recordID` of `source`.
        mutating func addSource(_ source: String, recordID: String) {
            setKey(source, recordID)
            key.withUnsafeBufferPointer { sourceKeys.insert(true, for: $0) }
        }

        private mutating func setKey(_ source: String, _ recordID: String) {
            key.removeAll(keepingCapacity: true)
            key.append(contentsOf: source.utf8)
            key.append(0xFF)
            key.append(contentsOf: recordID.utf8)
        }
    }

    private func importRow(
        _ record: CSVRecord, row: Int, carried: CarriedRows, placement: RecordPlacement, mapping: CSVHeaderMapping,
        normalizer: FieldNormalizer,
        state: inout WriteState, writes: inout PendingWrites, writer w: VaultWriter, summary: inout ImportSummary,
        report: inout RejectReport, file: String
    ) throws {
        let source = mapping.value(of: .source, in: record).map(Self.trimmed) ?? state.defaultSource
        let recordID = mapping.value(of: .sourceRecordId, in: record).map(Self.trimmed) ?? "line-\(record.line)"
        let imported =
            try writes.hasSource(source, recordID: recordID)
            || (state.storeMayHaveSources && w.subject(forSource: source, recordID: recordID) != nil)
        if imported {
            summary.alreadyImported += 1
            return
        }
        let region = mapping.withValue(of: .country, in: record) { normalizer.country(utf8: $0) } ?? nil
        var values = state.rowValues
        state.rowValues = []
        values.removeAll(keepingCapacity: true)
        defer {
            values.removeAll(keepingCapacity: true)
            state.rowValues = values
        }
        var dropped: [RecordProblem] = []
        var identifierCount = 0
        // The row's creation time (ISO 8601 only) ranks its values for survivorship.
        let created =
            mapping.value(of: .createdAt, in: record).flatMap { Timestamp.parseMilliseconds(Self.trimmed($0)) }
        for (number, stored) in state.storedFields.enumerated() {
            if stored.field == .createdAt, let created {
                // What the rules make of a valid ISO 8601 time, without parsing it again.
                let day = Timestamp.dayString(milliseconds: created)
                values.append((number, .date(day), day))
                continue
            }
            if let carried = carried.identifier(stored.field, at: row) {
                values.append((number, .string(carried.normalized), carried.normalized))
                identifierCount += 1
                continue
            }
            guard
                let outcome = mapping.withValue(
                    of: stored.field, in: record, { normalizer.normalize(stored.field, utf8: $0, region: region) })
            else { continue }
            switch outcome {
            case .value(let value, let normalized):
                values.append((number, value, normalized))
                if Self.identityKind(stored.field) != nil { identifierCount += 1 }
            case .problem(let reason):
                dropped.append(RecordProblem(line: record.line, field: stored.field.rawValue, reason: reason))
            }
        }
        var suppressed = false
        for (number, _, normalized) in values {
            guard let kind = Self.identityKind(state.storedFields[number].field) else { continue }
            if try w.isSuppressedFast(kind, normalized) {
                suppressed = true
                break
            }
        }
        if suppressed {
            summary.rejected += 1
            report.add(RecordProblem(line: record.line, field: nil, reason: .suppressed), file: file)
            return
        }
        guard identifierCount > 0 else {
            summary.rejected += 1
            for problem in dropped { report.add(problem, file: file) }
            report.add(RecordProblem(line: record.line, field: nil, reason: .noIdentifier), file: file)
            return
        }
        for problem in dropped { report.add(problem, file: file) }
        summary.fieldsDropped += dropped.count

        // The subject this row resolved to.
        let subject: SubjectID
        var createdHere = false
        switch placement {
        case .existing(let index):
            subject = state.existing[index]
        case .new(let cluster):
            if let known = state.subjectOfCluster[cluster] {
                subject = known
            } else {
                let jurisdiction = state.jurisdiction(forCountry: region ?? "")
                subject = try w.createSubject(jurisdiction: jurisdiction)
                createdHere = true
                state.subjectOfCluster[cluster] = subject
                summary.subjectsCreated += 1
            }
        }
        let (slot, firstSeen) = state.winnerSlot(of: subject)
        if firstSeen, case .existing = placement { summary.subjectsMatched += 1 }

        // Survivorship: does this row's value replace the one already stored?
        let rank = created ?? 0
        let trusts = state.trustRanks(of: source)
        for (number, value, _) in values {
            let stored = state.storedFields[number]
            guard stored.inPolicy else { continue }
            let trust = trusts[number]
            let currentTrust = state.winnerTrusts[slot + number]
            if currentTrust != Int.min {
                let currentTime = state.winnerTimes[slot + number]
                let wins: Bool
                switch stored.rule.strategy {
                case .mostRecent: wins = (rank, trust) > (currentTime, currentTrust)
                case .mostTrustedSource: wins = (trust, rank) > (currentTrust, currentTime)
                case .nonEmpty: wins = false
                }
                if !wins { continue }
            }
            state.winnerTrusts[slot + number] = trust
            state.winnerTimes[slot + number] = rank
            writes.fields.append(.init(subject: subject, field: stored.name, value: value, source: source))
        }
        // Every identifier of the row stays linked even when another value won the field.
        for (number, _, normalized) in values {
            let field = state.storedFields[number].field
            guard let kind = Self.identityKind(field) else { continue }
            let token = carried.token(field, at: row).map { ($0.high, $0.low) }
            writes.links.append(.init(kind, normalized: normalized, token: token, to: subject))
        }
        // A later row's country moves the subject; the row that created it set it already.
        if let country = region, !createdHere {
            let jurisdiction = state.jurisdiction(forCountry: country)
            if try w.jurisdiction(of: subject) != jurisdiction { try w.setJurisdiction(jurisdiction, of: subject) }
        }
        writes.sources.append(.init(source: source, recordID: recordID, subject: subject))
        writes.addSource(source, recordID: recordID)
        summary.imported += 1
    }

    /// The identity kind a canonical field is linked as, if it is an identifier.
    static func identityKind(_ field: CanonicalField) -> IdentityKind? {
        switch field {
        case .externalId: .externalID
        case .email: .email
        case .phone: .phone
        default: nil
        }
    }
}
