/// Why a field or a whole request was denied. `description` is the human sentence recorded in the audit log;
/// `code` is a stable identifier for tools.
public enum DenialReason: Sendable, Hashable, CustomStringConvertible {
    /// The actor is not defined in the policy.
    case unknownActor(actor: String)
    /// The purpose is not defined in the policy.
    case unknownPurpose(purpose: String)
    /// The field is not defined in the policy.
    case unknownField(field: String)
    /// The actor has no grant at all for the purpose.
    case purposeNotGranted(actor: String, purpose: String)
    /// The actor's grants for the purpose do not cover the field.
    case fieldNotGranted(field: String, actor: String, purpose: String)
    /// The subject is restricted and the purpose is not one allowed while restricted.
    case restricted(allowedPurposes: [String])
    /// The subject objected to direct marketing and the purpose is direct marketing.
    case objectedToDirectMarketing
    /// The subject objected to processing based on `basis` (legitimate interest or public task).
    case objectedToProcessing(basis: LawfulBasis)
    /// The purpose needs consent and the subject's consent is not currently granted.
    case noConsent(consentPurpose: String, status: ConsentStatus)
    /// The subject is a minor and the consent was not given by a guardian.
    case minorWithoutGuardianConsent(consentPurpose: String)

    /// A stable identifier of the kind of denial, e.g. `field-not-granted`.
    public var code: String {
        switch self {
        case .unknownActor: "unknown-actor"
        case .unknownPurpose: "unknown-purpose"
        case .unknownField: "unknown-field"
        case .purposeNotGranted: "purpose-not-granted"
        case .fieldNotGranted: "field-not-granted"
        case .restricted: "restricted"
        case .objectedToDirectMarketing: "objected-direct-marketing"
        case .objectedToProcessing: "objected-legitimate-interest"
        case .noConsent: "no-consent"
        case .minorWithoutGuardianConsent: "minor-without-guardian-consent"
        }
    }

    /// Whether the reason concerns the subject (restriction, objection, consent) rather than the policy.
    public var isSubjectLevel: Bool {
        switch self {
        case .restricted, .objectedToDirectMarketing, .objectedToProcessing, .noConsent,
            .minorWithoutGuardianConsent:
            true
        case .unknownActor, .unknownPurpose, .unknownField, .purposeNotGranted, .fieldNotGranted:
            false
        }
    }

    /// The human-readable reason.
    public var description: String {
        switch self {
        case .unknownActor(let actor):
            "unknown actor \(actor): the policy does not define it"
        case .unknownPurpose(let purpose):
            "unknown purpose \(purpose): the policy does not define it"
        case .unknownField(let field):
            "unknown field \(field): the policy does not define it"
        case .purposeNotGranted(let actor, let purpose):
            "actor \(actor) has no grant for purpose \(purpose)"
        case .fieldNotGranted(let field, let actor, let purpose):
            "field \(field) is not granted to actor \(actor) for purpose \(purpose)"
        case .restricted(let allowed):
            "subject is restricted (GDPR Art. 18 / 152-FZ blocking): only purposes "
                + (allowed.isEmpty ? "(none)" : allowed.joined(separator: ", ")) + " are allowed"
        case .objectedToDirectMarketing:
            "subject objected to direct marketing (GDPR Art. 21(2) / 152-FZ Art. 15(2))"
        case .objectedToProcessing(let basis):
            "subject objected to processing based on \(basis == .publicTask ? "public task" : "legitimate interest")"
                + " (GDPR Art. 21(1))"
        case .noConsent(let consentPurpose, let status):
            "no current consent for \(consentPurpose) (\(status))"
        case .minorWithoutGuardianConsent(let consentPurpose):
            "subject is below the age of consent and consent for \(consentPurpose) was not given by a parent"
                + " or guardian (GDPR Art. 8)"
        }
    }
}
