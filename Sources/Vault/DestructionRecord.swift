/// The record of an erasure. For 152-FZ it is the act of destruction with the extract from the
/// event log that Roskomnadzor Order No. 179 (28.10.2022) requires; for the GDPR a minimal
/// record for accountability (Art. 5(2)). It is stored encrypted under a key of its own, signed
/// with the vault's signing key, kept for the regime's retention period, then swept.
public struct DestructionRecord: Codable, Sendable, Equatable {
    /// Format identifier.
    public var format = "tresor.destruction-record.v1"
    /// Record id (`D-…`).
    public var id: String
    /// `152fz` (act of destruction) or `gdpr` (erasure record).
    public var regime: String
    /// The operator: name and address.
    public var operatorName: String
    public var operatorAddress: String
    /// The person whose data was destroyed: subject id, and for 152-FZ the name as held (the
    /// act must identify the person; this is why the record is encrypted).
    public var subjectID: String
    public var subjectName: String?
    /// Categories of personal data destroyed (field classes and names, event types).
    public var categories: [String]
    /// Categories kept under a legal hold, with the reason and until when.
    public var held: [Hold]
    /// The information system.
    public var informationSystem: String
    /// How: crypto-shredding (data key destroyed), rows deleted, secure_delete, WAL checkpointed.
    public var method: String
    /// Why: the request or the legal ground.
    public var reason: String
    /// The request that asked for it, if any.
    public var requestID: String?
    /// When (ISO 8601).
    public var destroyedAt: String
    /// Who did it: actor and operating-system user.
    public var performedBy: String
    /// Counts of what was removed.
    public var counts: [String: Int]
    /// The audit entry that recorded the erasure (the extract from the event log).
    public var auditSequence: Int64
    public var auditHash: String

    /// A category kept by law.
    public struct Hold: Codable, Sendable, Equatable {
        public var category: String
        public var reason: String
        public var until: String
    }
}

/// A stored destruction record as listed (without decrypting it).
public struct DestructionRecordInfo: Sendable, Equatable, Codable {
    public var id: String
    public var regime: String
    public var createdAt: Int64
    public var expiresAt: Int64
}
