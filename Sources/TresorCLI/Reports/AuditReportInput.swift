/// What the auditors' report shows: the verification of the audit log and its entries. It carries no personal
/// value by construction (sequence numbers, actors, purposes, actions and counts only).
public struct AuditReportInput: Sendable {
    /// When the report was made (ISO 8601).
    public var generatedAt: String
    /// The vault the log belongs to (hex id).
    public var vaultID: String
    /// The outcome of verifying the log.
    public var verification: AuditReportVerification
    /// The log's entries, normally in sequence order (any order gives the same page).
    public var entries: [AuditReportEntry]

    /// Creates a report input.
    public init(
        generatedAt: String, vaultID: String, verification: AuditReportVerification, entries: [AuditReportEntry]
    ) {
        self.generatedAt = generatedAt
        self.vaultID = vaultID
        self.verification = verification
        self.entries = entries
    }
}
