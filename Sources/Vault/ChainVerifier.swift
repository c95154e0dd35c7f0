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

/// One row of a chained log as the verifier sees it. The verifier reuses one row for the whole
/// log, so a reader fills its buffers in place (`set`) instead of allocating per entry.
struct ChainRow {
    var seq: Int64 = 0
    var previousHash: [UInt8] = []
    var hash: [UInt8] = []
    var encoded: [UInt8] = []

    /// Replaces `buffer`'s bytes with `bytes`, keeping its capacity.
    static func set(_ buffer: inout [UInt8], to bytes: UnsafeRawBufferPointer) {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: bytes)
    }
}

/// What one range of a chain verification found.
struct ChainRangeOutcome: Sendable {
    /// Entries that passed.
    var entries: Int64 = 0
    /// The first bad sequence number and why, if any.
    var failure: (seq: Int64, problem: String)?
    /// The last verified entry's hash.
    var lastHash: [UInt8] = []
    /// Stored checkpoints matched in the range.
    var checkpointsVerified = 0
}

/// Verifies a hash-chained log: sequence from 1 without gaps, each previous-hash link, each
/// hash over the canonical encoding, every stored signed checkpoint and, when given, an exported
/// checkpoint (which is what detects a cut tail). Shared by the audit log and the consent ledger.
/// A log can be verified in consecutive ranges (in parallel); `combine` joins their outcomes and
/// checks that each range links to the one before it.
struct ChainVerifier: Sendable {
    let chain: HashChain
    let log: String
    let vaultID: [UInt8]
    let publicKey: [UInt8]
    /// Stored checkpoints by sequence: hash, time, signature.
    let checkpoints: [Int64: StoredCheckpoint]
    let exported: AuditCheckpoint?

    /// Verifies the whole log, read with `next` until it returns nil; `check` adds log-specific
    /// checks and returns a problem description or nil.
    func verify(
        next: (inout ChainRow) throws -> Bool, check: (ChainRow) throws -> String? = { _ in nil },
        progress: ((Int64) -> Void)? = nil
    ) throws -> LogVerification {
        if let failure = exportedCheckpointFailure() { return Self.failed(failure) }
        let outcome = try verifyRange(
            from: 1, through: nil, previous: HashChain.genesis, next: next, check: check, progress: progress)
        return combine([(first: 1, firstPrevious: HashChain.genesis, outcome: outcome)])
    }

    /// A problem with the exported checkpoint itself (another vault or log, a bad signature).
    func exportedCheckpointFailure() -> (seq: Int64, problem: String)? {
        guard let exported else { return nil }
        guard exported.vaultID == Hex.encode(vaultID), exported.log == log else {
            return (exported.seq, "the checkpoint belongs to another vault or log")
        }
        guard exported.publicKey == Hex.encode(publicKey), exported.hasValidSignature(publicKey: publicKey) else {
            return (exported.seq, "the checkpoint's signature is not valid for this vault's signing key")
        }
        return nil
    }

    /// Verifies entries `first...last` (to the end when `last` is nil), the first of which must
    /// link to `previous`. Fails when the range ends before `last`.
    func verifyRange(
        from first: Int64, through last: Int64?, previous start: [UInt8], next: (inout ChainRow) throws -> Bool,
        check: (ChainRow) throws -> String? = { _ in nil }, progress: ((Int64) -> Void)? = nil
    ) throws -> ChainRangeOutcome {
        var outcome = ChainRangeOutcome()
        var expectedSeq = first
        var previous = start
        let exportedHash = exported.flatMap { Hex.decode($0.hash) }
        var row = ChainRow()
        var linker = HashChain.Checker(chain)
        while try next(&row) {
            guard row.seq == expectedSeq else {
                outcome.failure = (
                    expectedSeq,
                    row.seq > expectedSeq ? "entry \(expectedSeq) is missing" : "entry \(row.seq) is out of order"
                )
                return outcome
            }
            guard row.previousHash == previous else {
                outcome.failure = (row.seq, "entry \(row.seq) does not link to the entry before it")
                return outcome
            }
            guard linker.matches(previous: previous, encoded: row.encoded, hash: row.hash) else {
                outcome.failure = (row.seq, "entry \(row.seq) was altered (its hash does not match its content)")
                return outcome
            }
            if let problem = try check(row) {
                outcome.failure = (row.seq, problem)
                return outcome
            }
            if let checkpoint = checkpoints[row.seq] {
                let message = AuditCheckpoint.signedMessage(
                    log: log, vaultID: vaultID, seq: row.seq, hash: checkpoint.hash, at: checkpoint.at)
                guard checkpoint.hash == row.hash,
                    PublicSigningKey(bytes: publicKey).isValidSignature(checkpoint.signature, for: message)
                else {
                    outcome.failure = (
                        row.seq, "entry \(row.seq) differs from its signed checkpoint (the log was rewritten)"
                    )
                    return outcome
                }
                outcome.checkpointsVerified += 1
            }
            if let exported, exported.seq == row.seq, row.hash != exportedHash {
                outcome.failure = (
                    row.seq, "entry \(row.seq) differs from the exported checkpoint (the log was rewritten)"
                )
                return outcome
            }
            swap(&previous, &row.hash)
            expectedSeq += 1
            outcome.entries += 1
            if outcome.entries % 100_000 == 0 { progress?(outcome.entries) }
        }
        if let last, expectedSeq <= last {
            outcome.failure = (expectedSeq, "entry \(expectedSeq) is missing")
        }
        outcome.lastHash = previous
        return outcome
    }

    /// Joins the outcomes of consecutive ranges, in order: the first failure wins; a range whose
    /// first entry does not link to the previous range's last entry fails there; the last range's
    /// end is checked against the stored and the exported checkpoints (truncation).
    func combine(_ ranges: [(first: Int64, firstPrevious: [UInt8], outcome: ChainRangeOutcome)]) -> LogVerification {
        var result = LogVerification()
        var previous = HashChain.genesis
        var nextSeq: Int64 = 1
        for range in ranges {
            if range.first > 1, range.outcome.entries > 0 || range.outcome.failure == nil,
                range.firstPrevious != previous
            {
                return Self.failed((range.first, "entry \(range.first) does not link to the entry before it"), result)
            }
            result.entries += range.outcome.entries
            result.checkpointsVerified += range.outcome.checkpointsVerified
            if let failure = range.outcome.failure { return Self.failed(failure, result) }
            if range.outcome.entries > 0 { previous = range.outcome.lastHash }
            nextSeq = range.first + range.outcome.entries
        }
        if let seq = checkpoints.keys.filter({ $0 >= nextSeq }).min() {
            return Self.failed(
                (nextSeq, "entry \(nextSeq) is missing: the log ends before its signed checkpoint \(seq) (truncated)"),
                result)
        }
        if let exported, exported.seq >= nextSeq {
            return Self.failed(
                (
                    nextSeq,
                    "entry \(nextSeq) is missing: the log ends before the exported checkpoint \(exported.seq) (truncated)"
                ), result)
        }
        result.headHash = Hex.encode(previous)
        return result
    }

    private static func failed(_ failure: (seq: Int64, problem: String), _ partial: LogVerification = .init())
        -> LogVerification
    {
        var result = partial
        result.firstBadSequence = failure.seq
        result.problem = failure.problem
        return result
    }
}

/// A signed checkpoint as stored in the vault.
struct StoredCheckpoint: Sendable {
    let hash: [UInt8]
    let at: Int64
    let signature: [UInt8]
}
