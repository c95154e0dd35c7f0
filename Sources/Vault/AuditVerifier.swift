import VaultCrypto
import VaultStore

/// The outcome of verifying the audit log.
public struct AuditVerification: Sendable, Equatable, Codable {
    /// True when every check passed.
    public var isValid: Bool { firstBadSequence == nil && problem == nil }
    /// Entries read.
    public var entries: Int64 = 0
    /// The first sequence number that is missing, altered or out of place.
    public var firstBadSequence: Int64?
    /// What is wrong, for humans.
    public var problem: String?
    /// Stored checkpoints whose signature and hash matched.
    public var checkpointsVerified = 0
    /// The last entry's hash (hex), to compare with an auditor's records.
    public var headHash = ""
}

extension Vault {
    /// Verifies the audit log: sequence without gaps, each previous-hash link, each entry hash
    /// over its canonical encoding, each subject digest against `audit_subjects`, every stored
    /// signed checkpoint, and (when given) an exported checkpoint — which is what detects a cut tail.
    public func verifyAudit(against exported: AuditCheckpoint? = nil, progress: ((Int64) -> Void)? = nil) throws
        -> AuditVerification
    {
        try store.read { db in try verifyAudit(db, exported: exported, progress: progress) }
    }

    private func verifyAudit(_ db: Connection, exported: AuditCheckpoint?, progress: ((Int64) -> Void)?) throws
        -> AuditVerification
    {
        var result = AuditVerification()
        func fail(_ seq: Int64, _ problem: String) -> AuditVerification {
            result.firstBadSequence = seq
            result.problem = problem
            return result
        }
        // Stored checkpoints, by sequence.
        var checkpoints: [Int64: (hash: [UInt8], at: Int64, signature: [UInt8])] = [:]
        try db.forEachRow("SELECT seq, hash, at, signature FROM audit_checkpoints") {
            checkpoints[$0.int64(0)] = ($0.blob(1), $0.int64(2), $0.blob(3))
        }
        let publicKey = keyring.signingKey.publicKey.bytes
        if let exported {
            guard exported.vaultID == vaultID, exported.log == "audit" else {
                return fail(exported.seq, "the checkpoint belongs to another vault or log")
            }
            guard exported.publicKey == Hex.encode(publicKey), exported.hasValidSignature(publicKey: publicKey) else {
                return fail(exported.seq, "the checkpoint's signature is not valid for this vault's signing key")
            }
        }
        let subjects = try db.statement("SELECT seq, subject FROM audit_subjects ORDER BY seq, subject")
        defer { subjects.reset() }
        var pendingSubject: (Int64, SubjectID)? = try subjects.step() ? (subjects.int64(0), SubjectID(bytes: subjects.blob(1))!) : nil

        let rows = try db.statement(
            """
            SELECT seq, at, actor, role, os_user, purpose, action, subject_count, subjects_digest, fields, decision,
                reason, prev_hash, hash FROM audit_log ORDER BY seq
            """)
        defer { rows.reset() }
        var expectedSeq: Int64 = 1
        var previous = HashChain.genesis
        while try rows.step() {
            let entry = AuditEntry(
                seq: rows.int64(0), at: rows.int64(1), actor: rows.text(2) ?? "", role: rows.text(3) ?? "",
                osUser: rows.text(4) ?? "", purpose: rows.text(5) ?? "", action: rows.text(6) ?? "",
                subjectCount: rows.int64(7), subjectsDigest: rows.blob(8), fields: rows.text(9) ?? "",
                decision: rows.text(10) ?? "", reason: rows.text(11) ?? "", previousHash: rows.blob(12), hash: rows.blob(13))
            guard entry.seq == expectedSeq else {
                return fail(expectedSeq, entry.seq > expectedSeq ? "entry \(expectedSeq) is missing" : "entry \(entry.seq) is out of order")
            }
            guard entry.previousHash == previous else {
                return fail(entry.seq, "entry \(entry.seq) does not link to the entry before it")
            }
            guard HashChain.audit.link(previous: previous, encoded: entry.canonicalEncoding()) == entry.hash else {
                return fail(entry.seq, "entry \(entry.seq) was altered (its hash does not match its content)")
            }
            var touched: [SubjectID] = []
            while let (seq, subject) = pendingSubject, seq <= entry.seq {
                if seq == entry.seq { touched.append(subject) }
                pendingSubject = try subjects.step() ? (subjects.int64(0), SubjectID(bytes: subjects.blob(1))!) : nil
            }
            guard Int64(touched.count) == entry.subjectCount, HashChain.subjectsDigest(touched) == entry.subjectsDigest else {
                return fail(entry.seq, "the subjects recorded for entry \(entry.seq) were altered")
            }
            if let checkpoint = checkpoints.removeValue(forKey: entry.seq) {
                let message = AuditCheckpoint.signedMessage(
                    log: "audit", vaultID: keyring.vaultID, seq: entry.seq, hash: checkpoint.hash, at: checkpoint.at)
                guard checkpoint.hash == entry.hash,
                    PublicSigningKey(bytes: publicKey).isValidSignature(checkpoint.signature, for: message)
                else {
                    return fail(entry.seq, "entry \(entry.seq) differs from its signed checkpoint (the log was rewritten)")
                }
                result.checkpointsVerified += 1
            }
            if let exported, exported.seq == entry.seq, Hex.encode(entry.hash) != exported.hash {
                return fail(entry.seq, "entry \(entry.seq) differs from the exported checkpoint (the log was rewritten)")
            }
            previous = entry.hash
            expectedSeq += 1
            result.entries += 1
            if result.entries % 100_000 == 0 { progress?(result.entries) }
        }
        if let seq = checkpoints.keys.min() {
            return fail(min(seq, expectedSeq), "entry \(expectedSeq) is missing: the log ends before its signed checkpoint \(seq) (truncated)")
        }
        if let exported, exported.seq >= expectedSeq {
            return fail(expectedSeq, "entry \(expectedSeq) is missing: the log ends before the exported checkpoint \(exported.seq) (truncated)")
        }
        result.headHash = Hex.encode(previous)
        return result
    }
}
