import VaultCrypto

/// The outcome of verifying a hash-chained log (the audit log or the consent ledger).
public struct LogVerification: Sendable, Equatable, Codable {
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

/// One row of a chained log as the verifier sees it.
struct ChainRow {
    let seq: Int64
    let previousHash: [UInt8]
    let hash: [UInt8]
    let encoded: [UInt8]
}

/// Verifies a hash-chained log: sequence from 1 without gaps, each previous-hash link, each
/// hash over the canonical encoding, every stored signed checkpoint and, when given, an exported
/// checkpoint (which is what detects a cut tail). Shared by the audit log and the consent ledger.
struct ChainVerifier {
    let chain: HashChain
    let log: String
    let vaultID: [UInt8]
    let publicKey: [UInt8]
    /// Stored checkpoints by sequence: hash, time, signature.
    var checkpoints: [Int64: (hash: [UInt8], at: Int64, signature: [UInt8])]
    let exported: AuditCheckpoint?

    /// Reads rows with `next` until it returns nil; `check` adds log-specific checks and returns
    /// a problem description or nil.
    mutating func verify(
        next: () throws -> ChainRow?, check: (ChainRow) throws -> String? = { _ in nil },
        progress: ((Int64) -> Void)? = nil
    ) throws -> LogVerification {
        var result = LogVerification()
        func fail(_ seq: Int64, _ problem: String) -> LogVerification {
            result.firstBadSequence = seq
            result.problem = problem
            return result
        }
        if let exported {
            guard exported.vaultID == Hex.encode(vaultID), exported.log == log else {
                return fail(exported.seq, "the checkpoint belongs to another vault or log")
            }
            guard exported.publicKey == Hex.encode(publicKey), exported.hasValidSignature(publicKey: publicKey) else {
                return fail(exported.seq, "the checkpoint's signature is not valid for this vault's signing key")
            }
        }
        var expectedSeq: Int64 = 1
        var previous = HashChain.genesis
        while let row = try next() {
            guard row.seq == expectedSeq else {
                return fail(
                    expectedSeq,
                    row.seq > expectedSeq ? "entry \(expectedSeq) is missing" : "entry \(row.seq) is out of order")
            }
            guard row.previousHash == previous else {
                return fail(row.seq, "entry \(row.seq) does not link to the entry before it")
            }
            guard chain.link(previous: previous, encoded: row.encoded) == row.hash else {
                return fail(row.seq, "entry \(row.seq) was altered (its hash does not match its content)")
            }
            if let problem = try check(row) { return fail(row.seq, problem) }
            if let checkpoint = checkpoints.removeValue(forKey: row.seq) {
                let message = AuditCheckpoint.signedMessage(
                    log: log, vaultID: vaultID, seq: row.seq, hash: checkpoint.hash, at: checkpoint.at)
                guard checkpoint.hash == row.hash,
                    PublicSigningKey(bytes: publicKey).isValidSignature(checkpoint.signature, for: message)
                else {
                    return fail(row.seq, "entry \(row.seq) differs from its signed checkpoint (the log was rewritten)")
                }
                result.checkpointsVerified += 1
            }
            if let exported, exported.seq == row.seq, Hex.encode(row.hash) != exported.hash {
                return fail(row.seq, "entry \(row.seq) differs from the exported checkpoint (the log was rewritten)")
            }
            previous = row.hash
            expectedSeq += 1
            result.entries += 1
            if result.entries % 100_000 == 0 { progress?(result.entries) }
        }
        if let seq = checkpoints.keys.min() {
            return fail(
                expectedSeq,
                "entry \(expectedSeq) is missing: the log ends before its signed checkpoint \(seq) (truncated)")
        }
        if let exported, exported.seq >= expectedSeq {
            return fail(
                expectedSeq,
                "entry \(expectedSeq) is missing: the log ends before the exported checkpoint \(exported.seq) (truncated)"
            )
        }
        result.headHash = Hex.encode(previous)
        return result
    }
}
