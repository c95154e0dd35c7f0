/// A data-subject request (GDPR Art. 15–21, 152-FZ Art. 14, 20, 21) and where it stands.
public struct DataSubjectRequest: Sendable, Equatable, Codable {
    /// What the person asks for.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case access, portability, rectification, erasure, restriction, objection
    }

    /// Where the request stands. A request can't complete before its identity was verified.
    public enum State: String, Sendable, CaseIterable, Codable {
        case received, verified
        case inProgress = "in_progress"
        case extended, completed, rejected
    }

    public var id: String
    public var subject: SubjectID
    public var kind: Kind
    /// How it arrived (email, web form, letter, in person...).
    public var channel: String
    /// The subject's regime when it was received (`gdpr`, `152fz`).
    public var jurisdiction: String
    public var state: State
    public var receivedAt: Int64
    /// The due date under the regime (before any extension).
    public var dueAt: Int64
    /// The due date after an extension with a reasoned notice, if extended.
    public var extendedDueAt: Int64?
    public var extensionReason: String?
    /// Who verified the requester's identity, and how.
    public var verifiedBy: String?
    public var verificationMethod: String?
    public var verifiedAt: Int64?
    public var completedAt: Int64?
    public var rejectionReason: String?
    /// What was done, in words without personal values (counts, categories, file names).
    public var result: String

    /// The deadline in force.
    public var effectiveDueAt: Int64 { extendedDueAt ?? dueAt }

    /// True when still open after its deadline at `now`.
    public func isOverdue(at now: Int64) -> Bool {
        ![.completed, .rejected].contains(state) && effectiveDueAt < now
    }

    /// True when answered (completed or rejected).
    public var isClosed: Bool { state == .completed || state == .rejected }
}
