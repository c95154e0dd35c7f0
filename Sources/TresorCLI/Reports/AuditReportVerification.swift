/// The outcome of verifying the audit log's hash chain and checkpoints, as the report shows it.
public struct AuditReportVerification: Sendable, Equatable {
    /// True when every check passed.
    public var isValid: Bool
    /// Entries the verifier read.
    public var entries: Int64
    /// The first sequence number that is missing, altered or out of place.
    public var firstBadSequence: Int64?
    /// What is wrong, for humans.
    public var problem: String?
    /// Stored signed checkpoints whose signature and hash matched.
    public var checkpointsVerified: Int
    /// The last entry's hash (hex).
    public var headHash: String

    /// Creates a verification outcome.
    public init(
        isValid: Bool, entries: Int64, firstBadSequence: Int64? = nil, problem: String? = nil,
        checkpointsVerified: Int, headHash: String
    ) {
        self.isValid = isValid
        self.entries = entries
        self.firstBadSequence = firstBadSequence
        self.problem = problem
        self.checkpointsVerified = checkpointsVerified
        self.headHash = headHash
    }
}
