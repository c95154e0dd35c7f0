public import Policy

/// One subject's answer from an accessor: the values of the allowed fields, and every denied
/// field with its reason (a denied field is reported, never silently empty).
public struct AccessResult: Sendable {
    /// The subject asked about.
    public let subject: SubjectID
    /// The policy decision (outcome, allowed fields, denied fields with reasons).
    public let decision: AccessDecision
    /// Decrypted values of allowed fields that hold a value. An allowed field without a stored
    /// value is absent here and listed in `missingFields`.
    public let values: [String: FieldValue]
    /// Where each returned value came from (source system).
    public let sources: [String: String]
    /// Allowed fields that hold no value for this subject.
    public let missingFields: [String]
    /// The audit entry that recorded this access.
    public let auditSequence: Int64

    /// True when nothing was returned because the policy denied it.
    public var isDenied: Bool { decision.isDenied }
}

/// A record streamed by a bulk scan.
public struct ScannedRecord: Sendable {
    /// The subject.
    public let subject: SubjectID
    /// The subject's jurisdiction.
    public let jurisdiction: String
    /// Decrypted values of the allowed fields that hold a value.
    public let values: [String: FieldValue]
}

/// What a bulk scan did, in counts (no personal values).
public struct ScanSummary: Sendable, Equatable, Codable {
    /// Subjects whose data was returned.
    public var returned = 0
    /// Subjects refused, by reason.
    public var denied: [String: Int] = [:]
    /// The audit entry that recorded the scan.
    public var auditSequence: Int64 = 0
}

/// An event as an accessor returns it: type and time, and the decrypted properties when allowed.
public struct AccessedEvent: Sendable {
    public let subject: SubjectID
    public let type: String
    public let at: Int64
    public let source: String
    /// The properties (usually JSON), or nil when only metadata was requested.
    public let properties: [UInt8]?
}
