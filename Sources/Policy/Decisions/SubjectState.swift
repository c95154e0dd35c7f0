/// What a decision needs to know about one subject; the vault fills it from the subject's records.
///
/// `consent` is the status for the plan's `consentPurpose` (ignored when the purpose is not consent-based).
public struct SubjectState: Sendable, Hashable {
    /// Processing is restricted (GDPR Art. 18) / blocked (152-FZ Art. 3(10), 21).
    public var isRestricted: Bool
    /// The subject objected to direct marketing (GDPR Art. 21(2); 152-FZ Art. 15(2)).
    public var hasObjectedToDirectMarketing: Bool
    /// The subject objected to processing based on legitimate interest or public task (GDPR Art. 21(1)).
    public var hasObjectedToLegitimateInterest: Bool
    /// The status of the consent the purpose needs.
    public var consent: ConsentStatus
    /// The subject is younger than the age of consent of their regime.
    public var isMinor: Bool
    /// A parent or guardian gave the consent (GDPR Art. 8(1)); only relevant for minors.
    public var hasGuardianConsent: Bool

    /// Creates a subject state; the defaults describe an adult with no restriction, objection or consent.
    public init(
        isRestricted: Bool = false, hasObjectedToDirectMarketing: Bool = false,
        hasObjectedToLegitimateInterest: Bool = false, consent: ConsentStatus = .absent, isMinor: Bool = false,
        hasGuardianConsent: Bool = false
    ) {
        self.isRestricted = isRestricted
        self.hasObjectedToDirectMarketing = hasObjectedToDirectMarketing
        self.hasObjectedToLegitimateInterest = hasObjectedToLegitimateInterest
        self.consent = consent
        self.isMinor = isMinor
        self.hasGuardianConsent = hasGuardianConsent
    }
}
