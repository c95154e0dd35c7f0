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
            // The hot loop reads columns in place and reuses its buffers: no entry is materialised.
            var encoder = CanonicalEncoder(capacity: 512)
            var digestInput = Array("tresor.subjects.v1\0".utf8)
            let digestPrefix = digestInput.count
            var seq: Int64 = 0
            var subjectCount: Int64 = 0
            var digest: [UInt8] = []
            return try verifier.verify(
                next: {
                    guard try rows.step() else { return nil }
                    seq = rows.int64(0)
                    subjectCount = rows.int64(7)
                    digest = rows.blob(8)
                    encoder.reset()
                    encoder.append(UInt64(bitPattern: seq))
                    encoder.append(rows.int64(1))
                    for column in Int32(2)...6 { rows.withBlob(column) { encoder.append(raw: $0) } }
                    encoder.append(UInt64(bitPattern: subjectCount))
                    encoder.append(bytes: digest)
                    for column in Int32(9)...11 { rows.withBlob(column) { encoder.append(raw: $0) } }
                    return ChainRow(seq: seq, previousHash: rows.blob(12), hash: rows.blob(13), encoded: encoder.bytes)
                },
                check: { _ in
                    digestInput.removeSubrange(digestPrefix...)
                    var touched: Int64 = 0
                    // audit_subjects is ordered by (seq, subject): the ids arrive sorted, as the digest needs.
                    while let (subjectSeq, subject) = pendingSubject, subjectSeq <= seq {
                        if subjectSeq == seq {
                            digestInput.append(contentsOf: subject.bytes)
                            touched += 1
                        }
                        pendingSubject = try nextSubject()
                    }
                    guard touched == subjectCount, BLAKE2b.hash(digestInput, outputLength: 32) == digest else {
                        return "the subjects recorded for entry \(seq) were altered"
                    }
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
