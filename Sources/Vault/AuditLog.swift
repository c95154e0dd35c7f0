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
        var (seq, previous) = try head(db)
        var written: [AuditEntry] = []
        written.reserveCapacity(drafts.count)
        let insert = try db.statement(
            """
            INSERT INTO audit_log (seq, at, actor, role, os_user, purpose, action, subject_count, subjects_digest,
                fields, decision, reason, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let touch = try db.statement("INSERT OR IGNORE INTO audit_subjects (seq, subject) VALUES (?, ?)")
        for draft in drafts {
            seq += 1
            var entry = AuditEntry(
                seq: seq, at: time, actor: draft.actor.name, role: draft.role, osUser: draft.actor.osUser,
                purpose: draft.purpose, action: draft.action, subjectCount: Int64(draft.subjects.count),
                subjectsDigest: HashChain.subjectsDigest(draft.subjects), fields: draft.fields.joined(separator: ","),
                decision: draft.decision, reason: draft.reason, previousHash: previous, hash: [])
            entry.hash = HashChain.audit.link(previous: previous, encoded: entry.canonicalEncoding())
            try insert.execute([
                entry.seq, entry.at, entry.actor, entry.role, entry.osUser, entry.purpose, entry.action,
                entry.subjectCount, entry.subjectsDigest, entry.fields, entry.decision, entry.reason,
                entry.previousHash, entry.hash,
            ])
            for subject in draft.subjects { try touch.execute([seq, subject.bytes]) }
            previous = entry.hash
            written.append(entry)
            if seq % checkpointInterval == 0 {
                try storeCheckpoint(seq: seq, hash: entry.hash, at: time, in: db, keyring: keyring)
            }
        }
        return written
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
