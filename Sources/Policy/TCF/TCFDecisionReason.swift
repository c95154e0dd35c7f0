/// Why a `TCFConsentDecision` granted or refused its purpose.
public enum TCFDecisionReason: Sendable, Hashable, CustomStringConvertible {
    /// Every TCF purpose the Tresor purpose needs (purpose 1 included) has consent.
    case consented
    /// These TCF purpose ids (ascending; 1 when the purpose-1 rule bites) have no consent.
    case missingConsent([Int])
    /// The string is a global-scope string (`IsServiceSpecific` = 0), which TCF v2.2 declares invalid.
    case notServiceSpecific
    /// The map reads the Publisher TC segment and the string has none.
    case missingPublisherTC

    /// A short phrase for logs and the consent ledger, e.g. `no consent for TCF purposes 1, 7`.
    public var description: String {
        switch self {
        case .consented: "consent for every mapped TCF purpose"
        case .missingConsent(let ids): "no consent for TCF purposes \(ids.map(String.init).joined(separator: ", "))"
        case .notServiceSpecific: "global-scope TC string (IsServiceSpecific = 0)"
        case .missingPublisherTC: "no Publisher TC segment"
        }
    }
}
