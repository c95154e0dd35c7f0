import VaultStore

/// Appends to the audit log inside the caller's write transaction: the entry commits together
/// with whatever it records, or not at all.
enum AuditLog {
    /// What an entry says, before it gets its sequence number and hashes.
    struct Draft {
        var actor: Actor
        var role: String
        var purpose: String
        var action: String
        var subjects: [SubjectID]
        var fields: [String]
        var decision: String
        var reason: String
    }

    /// Appends `drafts` in order; returns the entries written.
    /// A signed checkpoint is stored automatically every this many entries.
    static let checkpointInterval: Int64 = 10_000

    @discardableResult
    static func append(_ drafts: [Draft], at time: Int64, in db: Connection, keyring: Keyring) throws -> [AuditEntry] {
        var written: [AuditEntry] = []
        written.reserveCapacity(drafts.count)
        try append(drafts, at: time, in: db, keyring: keyring) { written.append($0) }
        return written
    }

    /// Appends `drafts` in order, handing each written entry to `body` (nothing is kept).
    static func append(
        _ drafts: [Draft], at time: Int64, in db: Connection, keyring: Keyring, _ body: (AuditEntry) -> Void
    ) throws {
        var (seq, previous) = try head(db)
        let insert = try db.statement(
            """
            INSERT INTO audit_log (seq, at, actor, role, os_user, purpose, action, subject_count, subjects_digest,
                fields, decision, reason, prev_hash, hash, subjects) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var encoder = CanonicalEncoder(capacity: 512)
        for draft in drafts {
            seq += 1
            let subjects = AuditSubjectSet(draft.subjects)
            var entry = AuditEntry(
                seq: seq, at: time, actor: draft.actor.name, role: draft.role, osUser: draft.actor.osUser,
                purpose: draft.purpose, action: draft.action, subjectCount: Int64(subjects.count),
                subjectsDigest: subjects.digest, fields: fieldList(draft.fields),
                decision: draft.decision, reason: draft.reason, previousHash: previous, hash: [])
            encoder.reset()
            entry.encode(into: &encoder)
            entry.hash = HashChain.audit.link(previous: previous, encoded: encoder.bytes)
            insert.reset()
            try insert.bind(entry.seq, at: 1)
            try insert.bind(entry.at, at: 2)
            try insert.bind(entry.actor, at: 3)
            try insert.bind(entry.role, at: 4)
            try insert.bind(entry.osUser, at: 5)
            try insert.bind(entry.purpose, at: 6)
            try insert.bind(entry.action, at: 7)
            try insert.bind(entry.subjectCount, at: 8)
            try insert.bind(entry.subjectsDigest, at: 9)
            try insert.bind(entry.fields, at: 10)
            try insert.bind(entry.decision, at: 11)
            try insert.bind(entry.reason, at: 12)
            try insert.bind(entry.previousHash, at: 13)
            try insert.bind(entry.hash, at: 14)
            try insert.bind(subjects.bytes, at: 15)
            while try insert.step() {}
            insert.reset()
            previous = entry.hash
            body(entry)
            if seq % checkpointInterval == 0 {
                try storeCheckpoint(seq: seq, hash: entry.hash, at: time, in: db, keyring: keyring)
            }
        }
    }

    /// The field names joined with commas, as `audit_log.fields` stores them: the UTF-8 bytes are
    /// copied into one buffer (`joined(separator:)` and `String.append` grow a string name by name).
    static func fieldList(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(fields.count) { $0 + $1.utf8.count })
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: field.utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Signs and stores a checkpoint of entry `seq`.
    @discardableResult
    static func storeCheckpoint(seq: Int64, hash: [UInt8], at time: Int64, in db: Connection, keyring: Keyring) throws
        -> AuditCheckpoint
    {
        try storeCheckpoint(
            log: "audit", table: "audit_checkpoints", seq: seq, hash: hash, at: time, in: db, keyring: keyring)
    }

    /// Signs and stores a checkpoint of entry `seq` of `log` in `table`.
    @discardableResult
    static func storeCheckpoint(
        log: String, table: String, seq: Int64, hash: [UInt8], at time: Int64, in db: Connection, keyring: Keyring
    ) throws -> AuditCheckpoint {
        let checkpoint = AuditCheckpoint.make(
            log: log, vaultID: keyring.vaultID, seq: seq, hash: hash, at: time, key: keyring.signingKey)
        try db.run(
            "INSERT OR REPLACE INTO \(table) (seq, hash, at, signature) VALUES (?, ?, ?, ?)",
            [seq, hash, time, Hex.decode(checkpoint.signature) ?? []])
        return checkpoint
    }

    /// The last sequence number and hash (0 and the genesis hash for an empty log).
    static func head(_ db: Connection) throws -> (Int64, [UInt8]) {
        let statement = try db.statement("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        defer { statement.reset() }
        guard try statement.step() else { return (0, HashChain.genesis) }
        return (statement.int64(0), statement.blob(1))
    }
}
