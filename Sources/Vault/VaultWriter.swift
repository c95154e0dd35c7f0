public import Normalization
import Policy
import VaultCrypto
import VaultStore

/// The vault's public write API, valid inside one `Vault.write` transaction: it encrypts,
/// indexes and (when the transaction commits) audits everything written through it.
/// Personal values go in; nothing personal comes back out.
public final class VaultWriter {
    let vault: Vault
    /// The transaction's connection; use `db`, which first writes the subjects still pending.
    private let connection: Connection
    /// Subjects `createSubject` made whose rows are not written yet: they go in one multi-row
    /// insert, in id order, the next time the connection is used or when the write ends.
    private var pendingSubjects: [(id: SubjectID, jurisdiction: String, wrapped: [UInt8])] = []

    /// The transaction's connection, with every subject created so far written.
    var db: Connection {
        get throws {
            if !pendingSubjects.isEmpty { try writePendingSubjects() }
            return connection
        }
    }
    /// The transaction's time.
    public let now: Int64
    // The per-subject state below is read and changed once or more per imported row; a writer
    // lives inside one transaction on one thread and no access to these overlaps another, so
    // they skip the dynamic exclusivity check (which cost more than the lookups).
    @exclusivity(unchecked) private var records: [SubjectID: SubjectRecord] = [:]
    @exclusivity(unchecked) var touched: Set<SubjectID> = []
    /// Subjects this transaction created that have no profile row yet: `setFields` writes theirs
    /// without reading one first.
    @exclusivity(unchecked) var withoutProfile: Set<SubjectID> = []
    private(set) var fieldNames: [String] = []
    private var fieldNameSet: Set<String> = []
    private var suppressedTokens: Set<[UInt8]>?
    /// The writer's statements, prepared on first use (see `WriterSQL`).
    private var prepared: [Statement?] = Array(repeating: nil, count: WriterSQL.allCases.count)
    /// Prepared blind-index states, one per identity kind, made on first use in this transaction.
    @exclusivity(unchecked) private var tokenizers: [DomainTokenizer?] = Array(
        repeating: nil, count: IdentityKind.allCases.count)
    /// The nonces and subkeys of every value this transaction seals, made on first use.
    private var sealRun: SealRun?
    private var fieldSealerInstance: FieldSealer?
    /// Where the values of the bulk inserts are bound from (`BindArena`), reset after each runs.
    let arena = BindArena()

    init(vault: Vault, db: Connection, now: Int64) {
        self.vault = vault
        connection = db
        self.now = now
    }

    // MARK: Subjects

    /// Creates a subject with a freshly minted id (its creation time, then 80 random bits) and a
    /// fresh data key. Its row is written with the others created before the connection is next
    /// used (`db`) or the write ends (`finish`).
    public func createSubject(jurisdiction: String) throws -> SubjectID {
        let id = try SubjectID.minted(at: now)
        let (_, wrapped) = try vault.keyring.makeDataKey(for: id, version: 1)
        pendingSubjects.append((id, jurisdiction, wrapped))
        let record = SubjectRecord(
            id: id, jurisdiction: jurisdiction, createdAt: now, updatedAt: now, restricted: false,
            objectedToMarketing: false, objectedToProcessing: false, keyVersion: 1, wrappedKey: wrapped)
        records[id] = record
        touched.insert(id)
        withoutProfile.insert(id)
        return id
    }

    /// Writes what the writer still holds back (the rows of created subjects); the transaction
    /// calls it before committing.
    func finish() throws {
        if !pendingSubjects.isEmpty { try writePendingSubjects() }
    }

    /// Inserts the pending subjects' rows, in id order.
    private func writePendingSubjects() throws {
        var subjects = pendingSubjects
        pendingSubjects = []
        subjects.sort { ($0.id.high, $0.id.low) < ($1.id.high, $1.id.low) }
        try insertRows(subjects.count, into: .subjects) { insert, row, first in
            try subjects[row].id.withBytes { try insert.bind(raw: $0, at: first, in: arena) }
            try insert.bind(subjects[row].jurisdiction, at: first + 1, in: arena)
            try insert.bind(now, at: first + 2)
            try insert.bind(now, at: first + 3)
            try subjects[row].wrapped.withUnsafeBytes { try insert.bind(raw: $0, at: first + 4, in: arena) }
        }
    }

    /// True when the subject exists.
    public func exists(_ subject: SubjectID) throws -> Bool { try record(subject, required: false) != nil }

    /// Changes a subject's jurisdiction (e.g. when a later record gives the country).
    public func setJurisdiction(_ jurisdiction: String, of subject: SubjectID) throws {
        _ = try record(subject)
        let update = try statement(.updateJurisdiction)
        try update.bind(jurisdiction, at: 1)
        try update.bind(now, at: 2)
        try subject.withBytes { try update.bind(raw: $0, at: 3) }
        try run(update)
        records[subject]?.jurisdiction = jurisdiction
        touched.insert(subject)
    }

    // MARK: Fields

    /// Encrypts and stores one field value (replacing any previous value; a rectification mark
    /// stays until `markRectified` sets a new one).
    public func setField(_ field: String, of subject: SubjectID, to value: FieldValue, source: String) throws {
        let record = try record(subject)
        let key = try vault.keyring.dataKey(for: subject, version: record.keyVersion, wrapped: record.wrappedKey)
        let sealed = try fieldSealer().seal(value, of: field, subject: subject, key: key, keyVersion: record.keyVersion)
        {
            Array($0)
        }
        try changeProfile(of: subject) { profile in
            let rectifiedAt = profile.entry(named: field)?.rectifiedAt
            profile.set(
                .init(name: field, sealed: sealed, source: source, updatedAt: now, rectifiedAt: rectifiedAt))
        }
        note(subject, field: field)
    }

    /// Marks a field as rectified (GDPR Art. 16) after `setField` stored the corrected value.
    public func markRectified(_ field: String, of subject: SubjectID) throws {
        try changeProfile(of: subject) { profile in profile.update(field) { $0.rectifiedAt = now } }
    }

    /// Deletes one field value.
    public func removeField(_ field: String, of subject: SubjectID) throws {
        try changeProfile(of: subject) { profile in profile.removeAll { $0.name == field } }
        note(subject, field: field)
    }

    /// Loads `subject`'s stored profile, lets `change` edit it and saves it.
    private func changeProfile(of subject: SubjectID, _ change: (inout StoredProfile) -> Void) throws {
        var profile = try StoredProfile.load(subject, in: db)
        change(&profile)
        try profile.save(for: subject, in: db)
        withoutProfile.remove(subject)
    }

    // MARK: Identities

    /// Links an identity to a subject through its blind index. The value must already be
    /// normalised (see `Normalization`); the vault stores only the keyed token.
    public func link(_ kind: IdentityKind, normalized value: String, to subject: SubjectID) throws {
        try link(kind, token: vault.keyring.indexer.token(domain: kind.rawValue, value: value), to: subject)
    }

    /// Normalises `value` under the rules of `kind` (phone numbers with `region` as the default
    /// country) and links it.
    /// - Throws: `VaultError(.invalidValue)` naming the kind and rule broken, never the value.
    public func link(_ kind: IdentityKind, raw value: String, region: String?, to subject: SubjectID) throws {
        let normalized: String
        do {
            normalized = try Normalizer.identifier(value, kind: kind, region: region)
        } catch {
            throw VaultError(.invalidValue, "\(kind.rawValue): \(error)")
        }
        try link(kind, normalized: normalized, to: subject)
    }

    /// The blind-index token (16 bytes) of a normalised identifier: what the vault stores for
    /// it. A keyed hash, not the value; identity resolution compares tokens.
    public func identityToken(_ kind: IdentityKind, normalized value: String) -> [UInt8] {
        guard let tokenizer = try? tokenizer(kind) else {
            return vault.keyring.indexer.token(domain: kind.rawValue, value: value)
        }
        return tokenizer.token(value)
    }

    /// `identityToken(_:normalized:)` as its big-endian halves, without an array.
    public func identityTokenWords(_ kind: IdentityKind, normalized value: String) -> (high: UInt64, low: UInt64) {
        guard let tokenizer = try? tokenizer(kind) else {
            let bytes = identityToken(kind, normalized: value)
            return bytes.withUnsafeBytes {
                (
                    UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self)),
                    UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                )
            }
        }
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { tokenizer.token(value, into: $0) }
        return (UInt64(bigEndian: words.0), UInt64(bigEndian: words.1))
    }

    /// The prepared blind-index state of `kind` (tokens equal `BlindIndexer.token(domain:value:)`).
    func tokenizer(_ kind: IdentityKind) throws -> DomainTokenizer {
        let slot = IdentityKind.allCases.firstIndex(of: kind)!
        if let made = tokenizers[slot] { return made }
        let made = try DomainTokenizer(vault.keyring.indexer, domain: kind.rawValue)
        tokenizers[slot] = made
        return made
    }

    /// Calls `body` with every stored identity (subject, kind, token) — tokens only.
    public func forEachIdentity(_ body: (SubjectID, IdentityKind, [UInt8]) throws -> Void) throws {
        try db.forEachRow("SELECT subject, kind, token FROM identities") { row in
            guard let subject = SubjectID(bytes: row.blob(0)), let kind = IdentityKind(rawValue: row.text(1) ?? "")
            else { return }
            try body(subject, kind, row.blob(2))
        }
    }

    /// Links an identity by its token (as returned by `identityToken`).
    public func link(_ kind: IdentityKind, token: [UInt8], to subject: SubjectID) throws {
        _ = try record(subject)
        let insert = try statement(.insertIdentity)
        try insert.bind(kind.rawValue, at: 1)
        try insert.bind(token, at: 2)
        try subject.withBytes { try insert.bind(raw: $0, at: 3) }
        try insert.bind(now, at: 4)
        try run(insert)
        touched.insert(subject)
    }

    /// True when the vault holds no subject yet (a first import can skip looking for matches).
    public func vaultIsEmpty() throws -> Bool {
        try db.scalarInt("SELECT 1 FROM subjects LIMIT 1") == nil
    }

    /// True when the vault holds any source record (as seen by this transaction).
    public func hasSourceRecords() throws -> Bool {
        try db.scalarInt("SELECT 1 FROM source_records LIMIT 1") != nil
    }

    /// Where a field's stored value came from and when it was written, if it has one.
    public func fieldProvenance(_ field: String, of subject: SubjectID) throws -> (source: String, updatedAt: Int64)? {
        try StoredProfile.load(subject, in: db).entry(named: field).map { ($0.source, $0.updatedAt) }
    }

    /// Removes an identity link.
    public func unlink(_ kind: IdentityKind, normalized value: String, from subject: SubjectID) throws {
        let token = vault.keyring.indexer.token(domain: kind.rawValue, value: value)
        try db.run(
            "DELETE FROM identities WHERE kind = ? AND token = ? AND subject = ?",
            [kind.rawValue, token, subject.bytes])
    }

    /// The subjects linked to a normalised identity (several for a shared household email).
    public func subjects(with kind: IdentityKind, normalized value: String) throws -> [SubjectID] {
        try vault.lookup(kind, normalized: value, in: db)
    }

    // MARK: Source records

    /// Records that source record `recordID` of `source` resolved to `subject` (provenance, and
    /// what makes a re-run of the same file add nothing).
    public func recordSource(_ source: String, recordID: String, subject: SubjectID) throws {
        let insert = try statement(.upsertSource)
        try insert.bind(source, at: 1)
        try insert.bind(recordID, at: 2)
        try subject.withBytes { try insert.bind(raw: $0, at: 3) }
        try insert.bind(now, at: 4)
        try run(insert)
        touched.insert(subject)
    }

    /// The subject a source record was imported into, if it was.
    public func subject(forSource source: String, recordID: String) throws -> SubjectID? {
        let find = try statement(.findSource)
        try find.bind(source, at: 1)
        try find.bind(recordID, at: 2)
        defer { find.reset() }
        return try find.step() ? find.withBlob(0) { $0.count == 16 ? SubjectID(raw: $0) : nil } : nil
    }

    /// True when an identifier is on the suppression list (erased people who objected).
    /// The list is read once per transaction and kept as a set of tokens.
    public func isSuppressedFast(_ kind: IdentityKind, _ value: String) throws -> Bool {
        if suppressedTokens == nil {
            var tokens: Set<[UInt8]> = []
            try db.forEachRow("SELECT token FROM suppression") { tokens.insert($0.blob(0)) }
            suppressedTokens = tokens
        }
        guard let suppressedTokens, !suppressedTokens.isEmpty else { return false }
        return suppressedTokens.contains(vault.suppressionToken(kind, value))
    }

    /// The subject's jurisdiction.
    public func jurisdiction(of subject: SubjectID) throws -> String { try record(subject).jurisdiction }

    // MARK: Events

    /// Encrypts and stores events; a message id already stored is skipped. See
    /// `appendEvents(_: EventBatch)`, which this packs the events into.
    /// - Returns: how many events were new.
    @discardableResult
    public func appendEvents(_ events: [NewEvent]) throws -> Int {
        try appendEvents(EventBatch(events))
    }

    /// Encrypts and stores a batch of events in its order; a message id already stored is
    /// skipped.
    ///
    /// Consecutive events of one subject (an import sorts its batch by subject) go in by one
    /// multi-row `INSERT` of up to `rowsPerInsert` rows: one statement run instead of one per
    /// event, and one key lookup per run. A run that stored any row marks its subject touched.
    /// - Returns: how many events were new.
    @discardableResult
    public func appendEvents(_ batch: EventBatch) throws -> Int {
        var inserts = [Statement?](repeating: nil, count: Self.rowsPerInsert + 1)
        var inserted = 0
        // A cached key stands for its subject's row: the epoch check guarantees that no subject
        // was deleted or re-keyed since it was cached, so the row need not be read per subject.
        vault.keyring.synchronize(epoch: try SubjectEpoch.current(in: db))
        let sealer = try EventSealer(indexer: vault.keyring.indexer, run: try sealingRun())
        // Types and sources are bound in place from the batch, which does not change during the
        // call; message tokens, ciphertexts and subject ids (made per event in reused buffers)
        // from the arena.
        try batch.textBytes.withUnsafeBytes { texts in
            try batch.bytes.withUnsafeBytes { bytes in
                var start = 0
                while start < batch.count {
                    let subject = batch.subjects[start]
                    var end = start + 1
                    while end < batch.count, end - start < Self.rowsPerInsert, batch.subjects[end] == subject {
                        end += 1
                    }
                    let (key, keyVersion) = try eventKey(for: subject)
                    let rows = end - start
                    let insert: Statement
                    if let prepared = inserts[rows] {
                        insert = prepared
                    } else {
                        insert = try db.statement(BulkTable.events.sql(rows: rows))
                        inserts[rows] = insert
                    }
                    defer { release(insert) }
                    var column: Int32 = 1
                    for index in start..<end {
                        let span = batch.spans[index]
                        try sealer.seal(
                            subject: subject,
                            messageID: UnsafeRawBufferPointer(rebasing: bytes[span.start..<span.messageEnd]),
                            properties: UnsafeRawBufferPointer(rebasing: bytes[span.messageEnd..<span.end]), key: key,
                            keyVersion: keyVersion
                        ) { message, sealed in
                            try subject.withBytes { try insert.bind(raw: $0, at: column, in: arena) }
                            try insert.bind(
                                textInPlace: UnsafeRawBufferPointer(rebasing: texts[batch.typeRange(at: index)]),
                                at: column + 1)
                            try insert.bind(batch.times[index], at: column + 2)
                            try insert.bind(
                                textInPlace: UnsafeRawBufferPointer(rebasing: texts[batch.sourceRange(at: index)]),
                                at: column + 3)
                            try insert.bind(raw: message, at: column + 4, in: arena)
                            try insert.bind(raw: sealed, at: column + 5, in: arena)
                        }
                        column += 6
                    }
                    _ = try insert.step()
                    insert.reset()
                    let stored = try db.changes
                    if stored > 0 {
                        inserted += stored
                        touched.insert(subject)
                    }
                    start = end
                }
            }
        }
        if inserted > 0 { note(nil, field: "events") }
        return inserted
    }

    /// The data key events of `subject` are sealed with, and its version.
    private func eventKey(for subject: SubjectID) throws -> (DataKey, UInt32) {
        if let cached = vault.keyring.cachedKey(for: subject) { return cached }
        let record = try record(subject)
        let key = try vault.keyring.dataKey(for: subject, version: record.keyVersion, wrapped: record.wrappedKey)
        return (key, record.keyVersion)
    }

    /// True when `subject` already holds an event with this message id (message ids are
    /// deduplicated per subject, Docs/decisions.md entry 29).
    public func hasEvent(messageID: String, of subject: SubjectID) throws -> Bool {
        let message = vault.keyring.indexer.token(domain: "message", value: messageID)
        return try db.scalarInt(
            "SELECT 1 FROM events WHERE subject = ? AND message = ?", [subject.bytes, message]) != nil
    }

    // MARK: Internals

    /// The transaction's seal run (`SealRun`): values sealed one after another under one subject's
    /// key share a nonce prefix and one HChaCha20 subkey, which readers then derive once too.
    func sealingRun() throws -> SealRun {
        if let sealRun { return sealRun }
        let made = try SealRun()
        sealRun = made
        return made
    }

    /// The transaction's field sealer, on the transaction's seal run.
    func fieldSealer() throws -> FieldSealer {
        if let fieldSealerInstance { return fieldSealerInstance }
        let made = FieldSealer(run: try sealingRun())
        fieldSealerInstance = made
        return made
    }

    func record(_ subject: SubjectID, required: Bool = true) throws -> SubjectRecord? {
        if let cached = records[subject] { return cached }
        guard let loaded = try SubjectRecord.load(subject, in: db) else {
            if required { throw VaultError(.unknownSubject, "subject \(subject) does not exist") }
            return nil
        }
        records[subject] = loaded
        return loaded
    }

    func record(_ subject: SubjectID) throws -> SubjectRecord {
        try record(subject, required: true)!
    }

    func forgetRecord(_ subject: SubjectID) { records[subject] = nil }

    /// One of the writer's statements, prepared once per transaction (no lookup by SQL text per row).
    func statement(_ which: WriterSQL) throws -> Statement {
        if let statement = prepared[which.rawValue] {
            statement.reset()
            return statement
        }
        let statement = try db.statement(which.sql)
        prepared[which.rawValue] = statement
        return statement
    }

    /// Runs a bound INSERT, UPDATE or DELETE to completion.
    func run(_ statement: Statement) throws {
        while try statement.step() {}
        statement.reset()
    }

    /// Clears the bindings of `statement`, a bulk insert that bound values from `arena`, and
    /// resets the arena: nothing then points into memory that the next insert reuses.
    func release(_ statement: Statement) {
        statement.clearBindings()
        arena.reset()
    }

    func note(_ subject: SubjectID?, field: String) {
        if let subject { touched.insert(subject) }
        if fieldNameSet.insert(field).inserted { fieldNames.append(field) }
    }
}

@available(*, unavailable)
extension VaultWriter: Sendable {}

extension Vault {
    /// Runs `body` in one write transaction as `actor` for `purpose`; on commit, one audit entry
    /// records the action with every subject and field name touched. Any thrown error rolls
    /// everything back, the audit entry included.
    public func write<R>(as actor: Actor, purpose: String, action: String = "write", _ body: (VaultWriter) throws -> R)
        throws -> R
    {
        try store.write { db in
            let writer = VaultWriter(vault: self, db: db, now: clock.now())
            let result = try body(writer)
            try writer.finish()
            if !writer.touched.isEmpty || !writer.fieldNames.isEmpty {
                try AuditLog.append(
                    [
                        AuditLog.Draft(
                            actor: actor, role: roleName(of: actor), purpose: purpose, action: action,
                            subjects: Array(writer.touched), fields: writer.fieldNames, decision: "allowed", reason: "")
                    ], at: writer.now, in: db, keyring: keyring)
            }
            return result
        }
    }

    /// The subjects linked to a normalised identity.
    public func subjects(with kind: IdentityKind, normalized value: String) throws -> [SubjectID] {
        try store.read { try lookup(kind, normalized: value, in: $0) }
    }

    func lookup(_ kind: IdentityKind, normalized value: String, in db: Connection) throws -> [SubjectID] {
        let token = keyring.indexer.token(domain: kind.rawValue, value: value)
        var found: [SubjectID] = []
        try db.forEachRow("SELECT subject FROM identities WHERE kind = ? AND token = ?", [kind.rawValue, token]) {
            if let id = SubjectID(bytes: $0.blob(0)) { found.append(id) }
        }
        return found
    }

    /// The policy kind of an actor (`role` or `module`) as written in audit entries.
    func roleName(of actor: Actor) -> String { policy.actor(named: actor.name)?.kind.rawValue ?? "unknown" }
}

/// The statements a `VaultWriter` runs per row, prepared once per transaction.
enum WriterSQL: Int, CaseIterable {
    case updateJurisdiction, insertIdentity, upsertSource, findSource

    var sql: String {
        switch self {
        case .updateJurisdiction: "UPDATE subjects SET jurisdiction = ?, updated_at = ? WHERE id = ?"
        case .insertIdentity: "INSERT OR IGNORE INTO identities (kind, token, subject, created_at) VALUES (?, ?, ?, ?)"
        case .upsertSource:
            "INSERT OR REPLACE INTO source_records (source, record_id, subject, imported_at) VALUES (?, ?, ?, ?)"
        case .findSource: "SELECT subject FROM source_records WHERE source = ? AND record_id = ?"
        }
    }
}
