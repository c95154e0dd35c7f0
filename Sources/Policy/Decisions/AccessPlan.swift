/// The subject-independent part of a decision for one actor, purpose and list of fields, computed once.
///
/// `decide(for:)` then only looks at the subject's state and returns one of the decisions prepared here: a bulk
/// scan over a million subjects makes no allocation per subject.
public struct AccessPlan: Sendable {
    /// The actor that asks.
    public let actor: String
    /// The purpose asked for.
    public let purpose: String
    /// The requested fields, in request order.
    public let fields: [String]
    /// The consent purpose whose status `SubjectState.consent` must carry; `nil` when no consent is needed.
    public let consentPurpose: String?
    /// The requested fields the actor's grants allow when the subject permits, in request order.
    public let grantedFields: [String]
    /// Whether the plan denies whatever the subject's state (unknown actor or purpose, no grant).
    public var isDeniedForEverySubject: Bool { constantDecision != nil }

    /// Decisions for a consent-based purpose whose consent is missing, or whose subject is an unaccompanied minor.
    struct ConsentDecisions: Sendable {
        let withdrawn: AccessDecision
        let refused: AccessDecision
        let expired: AccessDecision
        let absent: AccessDecision
        let minorWithoutGuardian: AccessDecision
    }

    private let constantDecision: AccessDecision?
    private let permitted: AccessDecision
    private let restrictedDecision: AccessDecision?
    private let marketingObjectionDecision: AccessDecision?
    private let processingObjectionDecision: AccessDecision?
    private let consentDecisions: ConsentDecisions?

    /// A plan that denies every subject for `reason`.
    init(actor: String, purpose: String, fields: [String], deniedBy reason: DenialReason) {
        self.actor = actor
        self.purpose = purpose
        self.fields = fields
        consentPurpose = nil
        grantedFields = []
        let decision = AccessDecision(actor: actor, purpose: purpose, fields: fields, deniedBy: reason)
        constantDecision = decision
        permitted = decision
        restrictedDecision = nil
        marketingObjectionDecision = nil
        processingObjectionDecision = nil
        consentDecisions = nil
    }

    /// A plan for a known actor and purpose; `fieldReasons[i]` is `nil` when the grants cover `fields[i]`.
    init(
        actor: String, purpose definition: PurposeDefinition, fields: [String], fieldReasons: [DenialReason?],
        purposesAllowedWhileRestricted: [String]
    ) {
        self.actor = actor
        purpose = definition.name
        self.fields = fields
        consentPurpose = definition.requiresConsent ? definition.consentPurpose : nil
        grantedFields = zip(fields, fieldReasons).compactMap { $1 == nil ? $0 : nil }
        constantDecision = nil
        permitted = AccessDecision(actor: actor, purpose: purpose, fields: fields, fieldReasons: fieldReasons)

        func denial(_ reason: DenialReason) -> AccessDecision {
            AccessDecision(actor: actor, purpose: definition.name, fields: fields, deniedBy: reason)
        }
        restrictedDecision =
            definition.isAllowedWhileRestricted
            ? nil : denial(.restricted(allowedPurposes: purposesAllowedWhileRestricted))
        marketingObjectionDecision = definition.isMarketing ? denial(.objectedToDirectMarketing) : nil
        processingObjectionDecision =
            definition.basis.isObjectable ? denial(.objectedToProcessing(basis: definition.basis)) : nil
        if let consentPurpose {
            consentDecisions = ConsentDecisions(
                withdrawn: denial(.noConsent(consentPurpose: consentPurpose, status: .withdrawn)),
                refused: denial(.noConsent(consentPurpose: consentPurpose, status: .refused)),
                expired: denial(.noConsent(consentPurpose: consentPurpose, status: .expired)),
                absent: denial(.noConsent(consentPurpose: consentPurpose, status: .absent)),
                minorWithoutGuardian: denial(.minorWithoutGuardianConsent(consentPurpose: consentPurpose)))
        } else {
            consentDecisions = nil
        }
    }

    /// The decision for one subject. Checks, in order: the plan itself, restriction, objection to direct
    /// marketing, objection to legitimate interest, consent, a minor's guardian consent, then the field grants.
    public func decide(for state: SubjectState) -> AccessDecision {
        if let constantDecision { return constantDecision }
        if state.isRestricted, let restrictedDecision { return restrictedDecision }
        if state.hasObjectedToDirectMarketing, let marketingObjectionDecision { return marketingObjectionDecision }
        if state.hasObjectedToLegitimateInterest, let processingObjectionDecision {
            return processingObjectionDecision
        }
        if let consentDecisions {
            switch state.consent {
            case .granted: break
            case .withdrawn: return consentDecisions.withdrawn
            case .refused: return consentDecisions.refused
            case .expired: return consentDecisions.expired
            case .absent: return consentDecisions.absent
            }
            if state.isMinor && !state.hasGuardianConsent { return consentDecisions.minorWithoutGuardian }
        }
        return permitted
    }
}
