import VaultCrypto
import VaultStore

extension Vault {
    /// Verifies the audit log (see `ChainVerifier`), and each entry's subject digest against
    /// the `audit_subjects` rows.
    public func verifyAudit(against exported: AuditCheckpoint? = nil, progress: ((Int64) -> Void)? = nil) throws
        -> LogVerification
    {
        try store.read { db in
            var verifier = ChainVerifier(
                chain: .audit, log: "audit", vaultID: keyring.vaultID, publicKey: keyring.signingKey.publicKey.bytes,
                checkpoints: try storedCheckpoints("audit_checkpoints", db), exported: exported)
            let subjects = try db.statement("SELECT seq, subject FROM audit_subjects ORDER BY seq, subject")
            defer { subjects.reset() }
            // A subject id of the wrong length (a tampered row) becomes an impossible id, so the
            // digest check reports the entry instead of the verifier crashing.
            func nextSubject() throws -> (Int64, SubjectID)? {
                try subjects.step() ? (subjects.int64(0), SubjectID(bytes: subjects.blob(1)) ?? .malformed) : nil
            }
            var pendingSubject = try nextSubject()
            let rows = try db.statement(
                """
                SELECT seq, at, actor, role, os_user, purpose, action, subject_count, subjects_digest, fields, decision,
                    reason, prev_hash, hash FROM audit_log ORDER BY seq
                """)
            defer { rows.reset() }
            var current: AuditEntry?
            return try verifier.verify(
                next: {
                    guard try rows.step() else { return nil }
                    let entry = AuditEntry(row: rows)
                    current = entry
                    return ChainRow(
                        seq: entry.seq, previousHash: entry.previousHash, hash: entry.hash,
                        encoded: entry.canonicalEncoding())
                },
                check: { _ in
                    guard let entry = current else { return nil }
                    var touched: [SubjectID] = []
                    while let (seq, subject) = pendingSubject, seq <= entry.seq {
                        if seq == entry.seq { touched.append(subject) }
                        pendingSubject = try nextSubject()
                    }
                    guard Int64(touched.count) == entry.subjectCount,
                        HashChain.subjectsDigest(touched) == entry.subjectsDigest
                    else { return "the subjects recorded for entry \(entry.seq) were altered" }
                    return nil
                }, progress: progress)
        }
    }

    /// Stored signed checkpoints of a log.
    func storedCheckpoints(_ table: String, _ db: Connection) throws -> [Int64: (
        hash: [UInt8], at: Int64, signature: [UInt8]
    )] {
        var checkpoints: [Int64: (hash: [UInt8], at: Int64, signature: [UInt8])] = [:]
        try db.forEachRow("SELECT seq, hash, at, signature FROM \(table)") {
            checkpoints[$0.int64(0)] = ($0.blob(1), $0.int64(2), $0.blob(3))
        }
        return checkpoints
    }
}

extension AuditEntry {
    /// Reads the 14 columns of `audit_log` in table order.
    init(row: Statement) {
        self.init(
            seq: row.int64(0), at: row.int64(1), actor: row.text(2) ?? "", role: row.text(3) ?? "",
            osUser: row.text(4) ?? "", purpose: row.text(5) ?? "", action: row.text(6) ?? "",
            subjectCount: row.int64(7), subjectsDigest: row.blob(8), fields: row.text(9) ?? "",
            decision: row.text(10) ?? "", reason: row.text(11) ?? "", previousHash: row.blob(12), hash: row.blob(13))
    }
}
