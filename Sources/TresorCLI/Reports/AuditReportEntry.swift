/// One audit-log entry as the report sees it: who did what, for which purpose, to how many subjects.
public struct AuditReportEntry: Sendable, Equatable {
    /// Position in the log, from 1.
    public var seq: Int64
    /// When, in milliseconds since the epoch.
    public var at: Int64
    /// The policy actor (role or module name).
    public var actor: String
    /// The actor's kind in the policy (`role` or `module`).
    public var role: String
    /// The declared purpose.
    public var purpose: String
    /// What was done (`read`, `scan`, `write`, `erase`, `export`...).
    public var action: String
    /// How many subjects the operation touched.
    public var subjectCount: Int64
    /// `allowed`, `partial` or `denied`.
    public var decision: String
    /// Why (always set for a denial).
    public var reason: String

    /// Creates an entry.
    public init(
        seq: Int64, at: Int64, actor: String, role: String, purpose: String, action: String, subjectCount: Int64,
        decision: String, reason: String
    ) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.role = role
        self.purpose = purpose
        self.action = action
        self.subjectCount = subjectCount
        self.decision = decision
        self.reason = reason
    }

    /// Whether the entry is a bulk operation: several subjects, or a scan, an erasure or an export.
    public var isBulk: Bool {
        subjectCount > 1 || action.hasPrefix("scan") || action == "erase" || action == "export"
    }
}
