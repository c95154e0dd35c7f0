public import Policy

/// The consent state of every subject for one purpose at one instant (random ids and statuses
/// only). A snapshot answers "may I?" in bulk; a send still re-checks through the accessors.
public struct ConsentSnapshot: Sendable {
    /// The consent purpose.
    public let purpose: String
    /// When it was taken (ms since epoch).
    public let takenAt: Int64
    let statuses: SubjectStatusTable

    /// The subject's status (`absent` when no record exists).
    public func status(of subject: SubjectID) -> ConsentStatus { statuses.status(of: subject) }

    /// How many subjects hold a current grant.
    public var grantedCount: Int { statuses.count(of: .granted) }
}
