import Foundation
public import Policy
import VaultCrypto
import VaultStore

/// The consent ledger: append-only, hash-chained like the audit log (same mechanism, its own
/// domain), with the current state per subject and purpose kept in `consent_state` in the same
/// transaction as each append, so that a check is a lookup, not a replay.
extension Vault {
    /// Appends consent records in one transaction (all or nothing) as `actor`.
    /// - Throws: `VaultError(.invalidValue)` naming the record index and rule when a purpose is
    ///   unknown, a text version is unknown or does not cover the purpose and jurisdiction, a
    ///   status is invalid, or a minor's consent was not given by a guardian.
    @discardableResult
    public func recordConsents(_ inputs: [ConsentInput], as actor: Actor) throws -> [ConsentRecord] {
        try recordConsents(inputs, as: actor, skippingInvalid: false).records
    }

    /// Appends the valid records of `inputs` in one transaction and returns the others, each with
    /// its index and the reason (for imports: a bad record never stops the batch). Records
    /// identical to one already in the ledger (subject, purpose, status, time, text) are skipped,
    /// so a re-run adds nothing.
    public func recordConsents(_ inputs: [ConsentInput], as actor: Actor, skippingInvalid: Bool) throws -> (
        records: [ConsentRecord], rejected: [(index: Int, reason: String)], duplicates: Int
    ) {
        guard let texts = consentTexts else {
            throw VaultError(.policy, "no consent texts are loaded (Policies/consent-texts)")
        }
        var rejected: [(index: Int, reason: String)] = []
        var duplicates = 0
        let records: [ConsentRecord] = try store.write { db in
            let now = clock.now()
            var (seq, previous) = try ConsentLedgerTable.head(db)
            var written: [ConsentRecord] = []
            var subjects: [SubjectID: ConsentSubjectFacts] = [:]
            var birthDates: [SubjectID: Date?] = [:]
            var coverage: [ConsentCoverageKey: String?] = [:]
            var textHashes: [String: (bytes: [UInt8], hex: String)] = [:]
            var previousHex = Hex.encode(previous)
            var encoder = CanonicalEncoder(capacity: 512)
            let ledger = try ConsentLedgerTable.Writer(db)
            let facts = try db.statement(
                """
                SELECT s.jurisdiction, p.body FROM subjects s LEFT JOIN profiles p ON p.subject = s.id WHERE s.id = ?1
                """)
            func lookUpFacts(_ id: SubjectID) throws -> ConsentSubjectFacts? {
                facts.reset()
                defer { facts.reset() }
                try id.withBytes { try facts.bind(raw: $0, at: 1) }
                guard try facts.step() else { return nil }
                var hasBirthDate = false
                if !facts.isNull(1) {
                    try ProfileBody.forEach(facts.columnBytes(1), subject: id) { entry, _ in
                        if entry.name.elementsEqual(BirthDateQuery.field) { hasBirthDate = true }
                    }
                }
                return ConsentSubjectFacts(jurisdiction: facts.text(0) ?? "", hasBirthDate: hasBirthDate)
            }
            let recorded = try db.statement(
                """
                SELECT 1 FROM consent_ledger
                WHERE subject = ? AND purpose = ? AND status = ? AND collected_at = ? AND text_version = ?
                """)
            /// True when the ledger already holds this record (a re-run of an import).
            func isRecorded(_ input: ConsentInput) throws -> Bool {
                recorded.reset()
                defer { recorded.reset() }
                try input.subject.withBytes { try recorded.bind(raw: $0, at: 1) }
                try recorded.bind(input.purpose, at: 2)
                try recorded.bind(input.status, at: 3)
                try recorded.bind(input.collectedAt, at: 4)
                try recorded.bind(input.textVersion, at: 5)
                return try recorded.step()
            }
            // The batch's subjects looked up in key order first: in input order, random ids make
            // each lookup a walk through pages that the previous one did not touch.
            for id in Set(inputs.map(\.subject)).sorted() {
                if let found = try lookUpFacts(id) { subjects[id] = found }
            }
            for (index, input) in inputs.enumerated() {
                do {
                    func label() -> String { "consent record \(index + 1)" }
                    if skippingInvalid, try isRecorded(input) {
                        duplicates += 1
                        continue
                    }
                    guard policy.isConsentPurpose(input.purpose) else {
                        throw VaultError(
                            .invalidValue, "\(label()): purpose \(input.purpose) is not a consent purpose of the policy"
                        )
                    }
                    switch input.status {
                    case "granted", "withdrawn", "refused": break
                    default: throw VaultError(.invalidValue, "\(label()): status must be granted, withdrawn or refused")
                    }
                    let subject: ConsentSubjectFacts
                    if let cached = subjects[input.subject] {
                        subject = cached
                    } else {
                        throw VaultError(.unknownSubject, "\(label()): subject \(input.subject) does not exist")
                    }
                    let coverageKey = ConsentCoverageKey(
                        text: input.textVersion, purpose: input.purpose, jurisdiction: subject.jurisdiction)
                    let problem =
                        coverage[coverageKey]
                        ?? {
                            let problem = texts.coverageProblem(
                                textID: input.textVersion, purpose: input.purpose, jurisdiction: subject.jurisdiction)
                            coverage[coverageKey] = .some(problem)
                            return problem
                        }()
                    if let problem { throw VaultError(.invalidValue, "\(label()): \(problem)") }
                    if input.status == "granted", input.givenBy != .guardian, subject.hasBirthDate {
                        let birth: Date?
                        if let cached = birthDates[input.subject] {
                            birth = cached
                        } else {
                            guard let record = try SubjectRecord.load(input.subject, in: db) else {
                                throw VaultError(.unknownSubject, "\(label()): subject \(input.subject) does not exist")
                            }
                            birth = try birthDate(record, in: db)
                            birthDates[input.subject] = .some(birth)
                        }
                        if let birth, isMinor(born: birth, jurisdiction: subject.jurisdiction, at: input.collectedAt) {
                            throw VaultError(
                                .invalidValue,
                                "\(label()): subject \(input.subject) is below the age of consent of \(subject.jurisdiction); a parent or guardian must give it"
                            )
                        }
                    }
                    seq += 1
                    let textHash =
                        textHashes[input.textVersion]
                        ?? {
                            let bytes = BLAKE2b.hash(texts.documentBytes(textID: input.textVersion) ?? [])
                            textHashes[input.textVersion] = (bytes, Hex.encode(bytes))
                            return (bytes, Hex.encode(bytes))
                        }()
                    let ipHash = input.ipAddress.map { keyring.indexer.token(domain: "ip", value: $0) } ?? []
                    var entry = ConsentRecord(
                        seq: seq, subject: input.subject, purpose: input.purpose, status: input.status,
                        lawfulBasis: input.lawfulBasis, source: input.source.rawValue, textVersion: input.textVersion,
                        textHash: textHash.hex, collectedAt: input.collectedAt, expiresAt: input.expiresAt,
                        jurisdiction: subject.jurisdiction, givenBy: input.givenBy.rawValue, evidence: input.evidence,
                        ipHash: ipHash.isEmpty ? "" : Hex.encode(ipHash), recordedAt: now, recordedBy: actor.name,
                        previousHash: previousHex, hash: "")
                    encoder.reset()
                    entry.encode(into: &encoder, textHash: textHash.bytes, ipHash: ipHash)
                    let hash = HashChain.consent.link(previous: previous, encoded: encoder.bytes)
                    entry.hash = Hex.encode(hash)
                    try ledger.insert(entry, textHash: textHash.bytes, ipHash: ipHash, hash: hash, previous: previous)
                    if entry.status != "granted" {
                        _ = try cancelQueued(entry.subject, purposePrefix: entry.purpose, in: db)
                    }
                    if seq % AuditLog.checkpointInterval == 0 {
                        try AuditLog.storeCheckpoint(
                            log: "consent", table: "consent_checkpoints", seq: seq, hash: hash, at: now, in: db,
                            keyring: keyring)
                    }
                    previous = hash
                    previousHex = entry.hash
                    written.append(entry)
                } catch let error as VaultError where skippingInvalid {
                    rejected.append((index, error.message))
                }
            }
            // The current states written in key order, (purpose, subject), then sequence so that a
            // subject's later record for a purpose still wins: the same rows as in input order, with
            // each insert next to the previous one instead of on a random page.
            for index in Self.stateOrder(of: written) { try ledger.updateState(with: written[index]) }
            if !written.isEmpty {
                let purposes = Array(Set(written.map(\.purpose))).sorted()
                try AuditLog.append(
                    [
                        AuditLog.Draft(
                            actor: actor, role: roleName(of: actor), purpose: "legal", action: "consent-record",
                            subjects: Array(Set(written.map(\.subject))), fields: purposes, decision: "allowed",
                            reason: "\(written.count) consent records appended")
                    ], at: now, in: db, keyring: keyring)
            }
            return written
        }
        return (records, rejected, duplicates)
    }

    /// The current consent state of `subject` for every purpose with a record.
    public func consentStates(of subject: SubjectID) throws -> [ConsentState] {
        try store.read { db in
            let now = clock.now()
            var states: [ConsentState] = []
            try db.forEachRow(
                "SELECT purpose, status, expires_at, by_guardian, ledger_seq FROM consent_state WHERE subject = ? ORDER BY purpose",
                [subject.bytes]
            ) { row in
                let raw = ConsentRow(
                    status: row.text(1) ?? "", expiresAt: row.isNull(2) ? nil : row.int64(2),
                    byGuardian: row.int64(3) != 0)
                states.append(
                    ConsentState(
                        purpose: row.text(0) ?? "", status: raw.status(at: now).rawValue, expiresAt: raw.expiresAt,
                        givenByGuardian: raw.byGuardian, ledgerSequence: row.int64(4)))
            }
            return states
        }
    }

    /// The current consent status of `subject` for one consent purpose (a single indexed lookup).
    public func consentStatus(of subject: SubjectID, purpose: String) throws -> ConsentStatus {
        try store.readStatement { db in try consentStatus(of: subject, purpose: purpose, now: clock.now(), in: db) }
    }

    /// The current consent of every subject for one purpose, read in one query, for checks in bulk
    /// (a campaign over a million people checks each one in a hash-table lookup).
    public func consentSnapshot(purpose: String) throws -> ConsentSnapshot {
        let now = clock.now()
        return try store.read { db in
            var ids: [SubjectID] = []
            var statuses: [ConsentStatus] = []
            let rows = try db.statement(
                "SELECT subject, status, expires_at FROM consent_state WHERE purpose = ?")
            defer { rows.reset() }
            try rows.bind(purpose, at: 1)
            // Read in place: a million rows must not make a million Strings and arrays.
            while try rows.step() {
                let subject = rows.columnBytes(0)
                guard subject.count == 16 else { continue }
                let status = ConsentStatus(row: rows, columnsFrom: 1, at: now)
                ids.append(SubjectID(raw: subject))
                statuses.append(status)
            }
            return ConsentSnapshot(
                purpose: purpose, takenAt: now, statuses: SubjectStatusTable(ids: ids, statuses: statuses))
        }
    }

    func consentStatus(of subject: SubjectID, purpose: String, now: Int64, in db: Connection) throws -> ConsentStatus {
        let statement = try db.statement(
            "SELECT status, expires_at FROM consent_state WHERE subject = ? AND purpose = ?")
        try statement.bind(subject, at: 1)
        try statement.bind(purpose, at: 2)
        defer { statement.reset() }
        guard try statement.step() else { return .absent }
        return ConsentStatus(row: statement, columnsFrom: 0, at: now)
    }

    /// Every ledger record of `subject`, oldest first.
    public func consentHistory(of subject: SubjectID) throws -> [ConsentRecord] {
        try store.read { db in
            var records: [ConsentRecord] = []
            try db.forEachRow(
                "SELECT \(ConsentLedgerTable.columns) FROM consent_ledger WHERE subject = ? ORDER BY seq",
                [subject.bytes]
            ) {
                records.append(ConsentLedgerTable.record(from: $0))
            }
            return records
        }
    }

    /// Verifies the consent ledger's chain and checkpoints (same procedure as the audit log).
    public func verifyConsentLedger(against exported: AuditCheckpoint? = nil) throws -> LogVerification {
        try store.read { db in
            let verifier = ChainVerifier(
                chain: .consent, log: "consent", vaultID: keyring.vaultID,
                publicKey: keyring.signingKey.publicKey.bytes,
                checkpoints: try storedCheckpoints("consent_checkpoints", db),
                exported: exported)
            let rows = try db.statement("SELECT \(ConsentLedgerTable.columns) FROM consent_ledger ORDER BY seq")
            defer { rows.reset() }
            return try verifier.verify(next: { row in
                guard try rows.step() else { return false }
                let record = ConsentLedgerTable.record(from: rows)
                row = ChainRow(
                    seq: record.seq, previousHash: Hex.decode(record.previousHash) ?? [],
                    hash: Hex.decode(record.hash) ?? [],
                    encoded: record.canonicalEncoding())
                return true
            })
        }
    }

    /// Signs a checkpoint of the consent ledger's head for an auditor to keep.
    public func makeConsentCheckpoint(as actor: Actor) throws -> AuditCheckpoint {
        try store.write { db in
            let (seq, hash) = try ConsentLedgerTable.head(db)
            guard seq > 0 else { throw VaultError(.invalidArgument, "the consent ledger is empty") }
            return try AuditLog.storeCheckpoint(
                log: "consent", table: "consent_checkpoints", seq: seq, hash: hash, at: clock.now(), in: db,
                keyring: keyring)
        }
    }

    /// The positions of `records` ordered by (purpose, subject, position), sorting small integer
    /// keys rather than the records themselves.
    static func stateOrder(of records: [ConsentRecord]) -> [Int] {
        let purposes = TextRanks(count: records.count, text: { records[$0].purpose }, precedes: <)
        return records.enumerated()
            .map { (purpose: purposes.rankOfItem[$0], subject: $1.subject, index: $0) }
            .sorted {
                ($0.purpose, $0.subject.high, $0.subject.low, $0.index) < (
                    $1.purpose, $1.subject.high, $1.subject.low, $1.index
                )
            }
            .map(\.index)
    }

    /// The subject's stored birth date, if any: only that entry of the profile row is opened.
    private func birthDate(_ record: SubjectRecord, in db: Connection) throws -> Date? {
        let statement = try db.statement(ProfileSQL.select)
        try statement.bind(record.id, at: 1)
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        var value: FieldValue?
        try ProfileBody.forEach(statement.columnBytes(0), subject: record.id) { entry, _ in
            guard entry.name.elementsEqual(BirthDateQuery.field) else { return }
            let key = try keyring.dataKey(for: record.id, version: record.keyVersion, wrapped: record.wrappedKey)
            value = try FieldDecryptor(subject: record.id, key: key, subkeys: subkeys).open(
                entry.sealed, name: entry.name)
        }
        guard case .date(let text) = value, let milliseconds = VaultTime.parse(text) else { return nil }
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// True when someone born on `born` is younger than the regime's age of consent at `time`.
    private func isMinor(born: Date, jurisdiction: String, at time: Int64) -> Bool {
        guard let regime = policy.regime(named: jurisdiction) else { return false }
        return regime.isBelowAgeOfConsent(birthDate: born, at: Date(timeIntervalSince1970: Double(time) / 1000))
    }
}

/// The stored birth date of one subject (minors are detected from it when consent is recorded).
private enum BirthDateQuery {
    static let field = Array("birth_date".utf8)
}

/// Row mapping for `consent_ledger`.
enum ConsentLedgerTable {
    static let columns = """
        seq, subject, purpose, status, lawful_basis, source, text_version, text_hash, collected_at, expires_at,
        jurisdiction, given_by, evidence, ip_hash, recorded_at, recorded_by, prev_hash, hash
        """

    static func head(_ db: Connection) throws -> (Int64, [UInt8]) {
        let statement = try db.statement("SELECT seq, hash FROM consent_ledger ORDER BY seq DESC LIMIT 1")
        defer { statement.reset() }
        guard try statement.step() else { return (0, HashChain.genesis) }
        return (statement.int64(0), statement.blob(1))
    }

    /// Prepared statements for appending many records in one transaction, with typed binds.
    struct Writer {
        let insertRecord: Statement
        let upsertState: Statement

        init(_ db: Connection) throws {
            insertRecord = try db.statement(
                "INSERT INTO consent_ledger (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            upsertState = try db.statement(
                """
                INSERT INTO consent_state (subject, purpose, status, expires_at, by_guardian, ledger_seq) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (purpose, subject) DO UPDATE SET status = excluded.status, expires_at = excluded.expires_at,
                    by_guardian = excluded.by_guardian, ledger_seq = excluded.ledger_seq
                """)
        }

        /// Appends one record.
        func insert(_ entry: ConsentRecord, textHash: [UInt8], ipHash: [UInt8], hash: [UInt8], previous: [UInt8])
            throws
        {
            let s = insertRecord
            s.reset()
            try s.bind(entry.seq, at: 1)
            try entry.subject.withBytes { try s.bind(raw: $0, at: 2) }
            try s.bind(entry.purpose, at: 3)
            try s.bind(entry.status, at: 4)
            try s.bind(entry.lawfulBasis, at: 5)
            try s.bind(entry.source, at: 6)
            try s.bind(entry.textVersion, at: 7)
            try s.bind(textHash, at: 8)
            try s.bind(entry.collectedAt, at: 9)
            if let expiresAt = entry.expiresAt { try s.bind(expiresAt, at: 10) } else { try s.bindNull(at: 10) }
            try s.bind(entry.jurisdiction, at: 11)
            try s.bind(entry.givenBy, at: 12)
            try s.bind(entry.evidence, at: 13)
            try s.bind(ipHash, at: 14)
            try s.bind(entry.recordedAt, at: 15)
            try s.bind(entry.recordedBy, at: 16)
            try s.bind(previous, at: 17)
            try s.bind(hash, at: 18)
            while try s.step() {}
            s.reset()
        }

        /// Makes `entry` the current state of its subject and purpose.
        func updateState(with entry: ConsentRecord) throws {
            let s = upsertState
            s.reset()
            try entry.subject.withBytes { try s.bind(raw: $0, at: 1) }
            try s.bind(entry.purpose, at: 2)
            try s.bind(entry.status, at: 3)
            if let expiresAt = entry.expiresAt { try s.bind(expiresAt, at: 4) } else { try s.bindNull(at: 4) }
            try s.bind(entry.givenBy == "guardian" ? 1 : 0, at: 5)
            try s.bind(entry.seq, at: 6)
            while try s.step() {}
            s.reset()
        }
    }

    static func record(from row: Statement) -> ConsentRecord {
        ConsentRecord(
            seq: row.int64(0), subject: SubjectID(bytes: row.blob(1)) ?? .malformed,
            purpose: row.text(2) ?? "", status: row.text(3) ?? "", lawfulBasis: row.text(4) ?? "",
            source: row.text(5) ?? "", textVersion: row.text(6) ?? "", textHash: Hex.encode(row.blob(7)),
            collectedAt: row.int64(8), expiresAt: row.isNull(9) ? nil : row.int64(9), jurisdiction: row.text(10) ?? "",
            givenBy: row.text(11) ?? "", evidence: row.text(12) ?? "", ipHash: Hex.encode(row.blob(13)),
            recordedAt: row.int64(14), recordedBy: row.text(15) ?? "", previousHash: Hex.encode(row.blob(16)),
            hash: Hex.encode(row.blob(17)))
    }
}

/// What a consent append needs to know of a subject: its regime, and whether a birth date is
/// stored (only then is it decrypted, for the age-of-consent rule).
struct ConsentSubjectFacts {
    let jurisdiction: String
    let hasBirthDate: Bool
}

/// A consent text, purpose and regime whose coverage was already checked in this batch.
struct ConsentCoverageKey: Hashable {
    let text: String
    let purpose: String
    let jurisdiction: String
}

extension ConsentStatus {
    /// The status stored in `consent_state.status`, read from its bytes (`absent` when unknown).
    init(stored bytes: UnsafeRawBufferPointer) {
        func matches(_ name: StaticString) -> Bool {
            name.utf8CodeUnitCount == bytes.count
                && memcmp(name.utf8Start, bytes.baseAddress!, bytes.count) == 0
        }
        if bytes.isEmpty {
            self = .absent
        } else if matches("granted") {
            self = .granted
        } else if matches("withdrawn") {
            self = .withdrawn
        } else if matches("refused") {
            self = .refused
        } else {
            self = .absent
        }
    }

    /// The status of a `consent_state` row whose columns `status, expires_at` start at `first`,
    /// read in place, at `now`: a grant whose expiry has passed counts as `expired`.
    init(row: Statement, columnsFrom first: Int32, at now: Int64) {
        let status = ConsentStatus(stored: row.columnBytes(first))
        let lapsed = status == .granted && !row.isNull(first + 1) && row.int64(first + 1) <= now
        self = lapsed ? .expired : status
    }
}
