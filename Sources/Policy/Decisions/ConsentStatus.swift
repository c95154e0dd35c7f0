/// The state of a subject's consent for one consent purpose at the moment of a decision.
public enum ConsentStatus: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A current, unexpired grant.
    case granted
    /// Granted once, then withdrawn.
    case withdrawn
    /// Asked and refused.
    case refused
    /// Granted with an expiry that has passed.
    case expired
    /// Never recorded.
    case absent

    /// The name used in messages and the consent ledger.
    public var description: String { rawValue }
}
