import Foundation
import VaultCrypto
import VaultStore

extension Vault {
    /// Verifies the audit log (see `ChainVerifier`) and each entry's subject set against its
    /// digest. A long log is verified in two halves in parallel, each on its own read-only
    /// connection; the halves must then link (`ChainVerifier.combine`).
    public func verifyAudit(against exported: AuditCheckpoint? = nil, progress: ((Int64) -> Void)? = nil) throws
        -> LogVerification
    {
        try verifyAudit(against: exported, progress: progress, splittingFrom: Self.parallelAuditVerificationThreshold)
    }

    /// Verifies the audit log, in two parallel halves when it has at least `threshold` entries.
    func verifyAudit(against exported: AuditCheckpoint?, progress: ((Int64) -> Void)?, splittingFrom threshold: Int64)
        throws -> LogVerification
    {
        let (verifier, boundary) = try store.read { db in
            let verifier = ChainVerifier(
                chain: .audit, log: "audit", vaultID: keyring.vaultID, publicKey: keyring.signingKey.publicKey.bytes,
                checkpoints: try storedCheckpoints("audit_checkpoints", db), exported: exported)
            let head = try db.scalarInt("SELECT max(seq) FROM audit_log") ?? 0
            let middle = head / 2 + 1
            var boundary: [UInt8]?
            if head >= max(2, threshold) {
                try db.forEachRow("SELECT prev_hash FROM audit_log WHERE seq = ?", [middle]) { boundary = $0.blob(0) }
            }
            return (verifier, boundary.map { (seq: middle, previous: $0) })
        }
        if let failure = verifier.exportedCheckpointFailure() {
            var result = LogVerification()
            result.firstBadSequence = failure.seq
            result.problem = failure.problem
            return result
        }
        guard let boundary, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            let outcome = try store.read { db in
                try Self.verifyAuditRange(
                    verifier, from: 1, through: nil, previous: HashChain.genesis, db: db, progress: progress)
            }
            return verifier.combine([(1, HashChain.genesis, outcome)])
        }
        // The second half runs on its own thread and connection. Entries are only ever appended,
        // so both snapshots agree on every entry up to `head`.
        let path = store.path
        let second = AuditRangeJob()
        let thread = Thread {
            second.finish {
                let db = try Connection(path: path, readOnly: true)
                return try Self.verifyAuditRange(
                    verifier, from: boundary.seq, through: nil, previous: boundary.previous, db: db,
                    progress: { second.progress = $0 })
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
        let first = try store.read { db in
            try Self.verifyAuditRange(
                verifier, from: 1, through: boundary.seq - 1, previous: HashChain.genesis, db: db,
                progress: { progress?($0 + second.progress) })
        }
        let last = try second.wait()
        return verifier.combine([(1, HashChain.genesis, first), (boundary.seq, boundary.previous, last)])
    }

    /// Logs at least this long are verified in two parallel halves.
    static let parallelAuditVerificationThreshold: Int64 = 4_096

    /// Verifies the entries `first...last` of the audit log on `db`, reading columns in place.
    static func verifyAuditRange(
        _ verifier: ChainVerifier, from first: Int64, through last: Int64?, previous: [UInt8], db: Connection,
        progress: ((Int64) -> Void)?
    ) throws -> ChainRangeOutcome {
        let rows = try db.statement(
            """
            SELECT seq, at, actor, role, os_user, purpose, action, subject_count, subjects_digest, fields, decision,
                reason, prev_hash, hash, subjects FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq
            """)
        defer { rows.reset() }
        try rows.bind([first, last ?? Int64.max])
        // The hot loop reads columns in place and reuses its buffer: no entry is materialised.
        var encoder = CanonicalEncoder(capacity: 512)
        var seq: Int64 = 0
        var subjectCount: Int64 = 0
        var digest: [UInt8] = []
        let subjectsHasher = BLAKE2bHasher(outputLength: 32)
        var computed = [UInt8](repeating: 0, count: 32)
        return try verifier.verifyRange(
            from: first, through: last, previous: previous,
            next: { row in
                guard try rows.step() else { return false }
                seq = rows.int64(0)
                subjectCount = rows.int64(7)
                ChainRow.set(&digest, to: rows.bytes(8))
                encoder.reset()
                encoder.append(UInt64(bitPattern: seq))
                encoder.append(rows.int64(1))
                for column in Int32(2)...6 { encoder.append(raw: rows.bytes(column)) }
                encoder.append(UInt64(bitPattern: subjectCount))
                encoder.append(bytes: digest)
                for column in Int32(9)...11 { encoder.append(raw: rows.bytes(column)) }
                row.seq = seq
                ChainRow.set(&row.previousHash, to: rows.bytes(12))
                ChainRow.set(&row.hash, to: rows.bytes(13))
                encoder.swapBytes(with: &row.encoded)
                return true
            },
            check: { _ in
                let stored = rows.bytes(14)
                var intact = stored.count == Int(subjectCount) * 16 && AuditSubjectSet.isCanonical(stored)
                if intact {
                    subjectsHasher.reset()
                    AuditSubjectSet.digestDomain.withUnsafeBytes { subjectsHasher.update($0) }
                    subjectsHasher.update(stored)
                    computed.withUnsafeMutableBytes { subjectsHasher.finalize(into: $0) }
                    intact = computed == digest
                }
                return intact ? nil : "the subjects recorded for entry \(seq) were altered"
            }, progress: progress)
    }

    /// Stored signed checkpoints of a log.
    func storedCheckpoints(_ table: String, _ db: Connection) throws -> [Int64: StoredCheckpoint] {
        var checkpoints: [Int64: StoredCheckpoint] = [:]
        try db.forEachRow("SELECT seq, hash, at, signature FROM \(table)") {
            checkpoints[$0.int64(0)] = StoredCheckpoint(hash: $0.blob(1), at: $0.int64(2), signature: $0.blob(3))
        }
        return checkpoints
    }
}

/// The second half of a parallel verification: its outcome or error, handed to the caller's thread.
private final class AuditRangeJob: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<ChainRangeOutcome, any Error>?
    private var reached: Int64 = 0

    /// Entries verified so far (for progress reports).
    var progress: Int64 {
        get { condition.withLock { reached } }
        set { condition.withLock { reached = newValue } }
    }

    func finish(_ body: () throws -> ChainRangeOutcome) {
        let outcome = Result { try body() }
        condition.withLock {
            result = outcome
            condition.signal()
        }
    }

    func wait() throws -> ChainRangeOutcome {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return try result!.get()
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
