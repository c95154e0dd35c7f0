/// A processing purpose: its lawful basis and the safeguards that decisions apply.
public struct PurposeDefinition: Sendable, Hashable {
    /// The purpose name, e.g. `marketing.email`.
    public let name: String
    /// The lawful basis.
    public let basis: LawfulBasis
    /// The consent that must be currently granted, when the basis is consent.
    public let consentPurpose: String?
    /// Whether this is direct marketing (an Art. 21(2) objection stops it).
    public let isMarketing: Bool
    /// Whether the consent must be explicit (GDPR Art. 9(2)(a)), which special-category fields need.
    public let requiresExplicitConsent: Bool
    /// The GDPR Art. 9(2) / 152-FZ Art. 10(2) condition, other than consent, that lets this purpose use
    /// special-category fields (e.g. legal claims); `nil` when there is none.
    public let specialCategoryCondition: String?
    /// Whether the purpose may still process a restricted (GDPR Art. 18 / 152-FZ blocked) subject.
    public let isAllowedWhileRestricted: Bool
    /// A human description, possibly empty.
    public let description: String

    /// Whether the purpose needs the subject's current consent.
    public var requiresConsent: Bool { basis == .consent }

    /// Whether the purpose may process special-category fields.
    public var mayUseSpecialCategories: Bool {
        (basis == .consent && requiresExplicitConsent) || specialCategoryCondition != nil
    }

    /// Creates a purpose definition.
    public init(
        name: String, basis: LawfulBasis, consentPurpose: String? = nil, isMarketing: Bool = false,
        requiresExplicitConsent: Bool = false, specialCategoryCondition: String? = nil,
        isAllowedWhileRestricted: Bool = false, description: String = ""
    ) {
        self.name = name
        self.basis = basis
        self.consentPurpose = consentPurpose
        self.isMarketing = isMarketing
        self.requiresExplicitConsent = requiresExplicitConsent
        self.specialCategoryCondition = specialCategoryCondition
        self.isAllowedWhileRestricted = isAllowedWhileRestricted
        self.description = description
    }
}
