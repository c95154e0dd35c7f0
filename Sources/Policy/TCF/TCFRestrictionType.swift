/// What a publisher restriction requires of the vendors it lists (the 2-bit `RestrictionType` of the core segment).
public enum TCFRestrictionType: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 0: the purpose is flatly not allowed for these vendors.
    case notAllowed = 0
    /// 1: the vendors must rely on consent for the purpose.
    case requireConsent = 1
    /// 2: the vendors must rely on legitimate interest for the purpose.
    case requireLegitimateInterest = 2

    /// The name of the case.
    public var description: String {
        switch self {
        case .notAllowed: "notAllowed"
        case .requireConsent: "requireConsent"
        case .requireLegitimateInterest: "requireLegitimateInterest"
        }
    }
}
