/// What a `TCFConsentDecision` rests on: which CMP collected the choice, on which screen, against which vendor
/// list and policy version, and which TCF purposes were read. Holds no personal data and not the TC string.
public struct TCFConsentEvidence: Sendable, Hashable {
    /// `CmpId`.
    public let cmpID: Int
    /// `CmpVersion`.
    public let cmpVersion: Int
    /// `ConsentScreen`.
    public let consentScreen: Int
    /// `ConsentLanguage`, e.g. `EN`.
    public let consentLanguage: String
    /// `VendorListVersion`.
    public let vendorListVersion: Int
    /// `TcfPolicyVersion`.
    public let tcfPolicyVersion: Int
    /// `IsServiceSpecific`.
    public let isServiceSpecific: Bool
    /// `PurposeOneTreatment`.
    public let purposeOneTreatment: Bool
    /// `PublisherCC`, e.g. `DE`.
    public let publisherCountryCode: String
    /// The consent bits that were read.
    public let signal: TCFConsentSignal
    /// The TCF purpose ids the decision required (purpose 1 and those mapped to the Tresor purpose), ascending.
    public let tcfPurposes: [Int]
    /// The `version` of the purpose map that made the decision.
    public let mapVersion: String

    /// Creates evidence.
    public init(
        cmpID: Int, cmpVersion: Int, consentScreen: Int, consentLanguage: String, vendorListVersion: Int,
        tcfPolicyVersion: Int, isServiceSpecific: Bool, purposeOneTreatment: Bool, publisherCountryCode: String,
        signal: TCFConsentSignal, tcfPurposes: [Int], mapVersion: String
    ) {
        self.cmpID = cmpID
        self.cmpVersion = cmpVersion
        self.consentScreen = consentScreen
        self.consentLanguage = consentLanguage
        self.vendorListVersion = vendorListVersion
        self.tcfPolicyVersion = tcfPolicyVersion
        self.isServiceSpecific = isServiceSpecific
        self.purposeOneTreatment = purposeOneTreatment
        self.publisherCountryCode = publisherCountryCode
        self.signal = signal
        self.tcfPurposes = tcfPurposes
        self.mapVersion = mapVersion
    }
}
