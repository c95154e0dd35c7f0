public import Foundation

/// A decoded IAB TCF v2 Transparency & Consent string (TCF v2.0 and v2.2; the encoding version is 2 for both).
///
/// A TC string is dot-separated base64url segments: the core segment first, then optional segments identified by
/// a 3-bit type — disclosed vendors (1), allowed vendors (2, deprecated with out-of-band signalling) and the
/// Publisher TC segment (3), each at most once, in any order. Decode one with `TCString(decoding:)`.
///
/// Field names follow "IAB Tech Lab – Consent string and vendor list formats v2" (InteractiveAdvertisingBureau/
/// GDPR-Transparency-and-Consent-Framework). Purpose, special feature and vendor ids are 1-based, as in the GVL.
public struct TCString: Sendable, Hashable {
    /// The longest string accepted, in UTF-8 bytes; real TC strings are a few hundred to a few thousand characters.
    public static let maximumLength = 65_536

    /// `Version` (6 bits): always 2.
    public let version: Int
    /// `Created` (36 bits, deciseconds since 1970-01-01T00:00:00Z).
    public let created: Date
    /// `LastUpdated` (36 bits, deciseconds since 1970-01-01T00:00:00Z): when the user last made a choice.
    public let lastUpdated: Date
    /// `CmpId` (12 bits): the registered id of the CMP that last updated the string.
    public let cmpID: Int
    /// `CmpVersion` (12 bits).
    public let cmpVersion: Int
    /// `ConsentScreen` (6 bits): the CMP's screen number where the choice was made.
    public let consentScreen: Int
    /// `ConsentLanguage` (2 letters): ISO 639-1, upper case, e.g. `EN`.
    public let consentLanguage: String
    /// `VendorListVersion` (12 bits): the GVL version used.
    public let vendorListVersion: Int
    /// `TcfPolicyVersion` (6 bits): 2 for TCF v2.0/v2.1, 4 and later for TCF v2.2.
    public let tcfPolicyVersion: Int
    /// `IsServiceSpecific` (1 bit): the string applies to this publisher's service(s) only (must be true since
    /// TCF v2.2; false marks a deprecated global-scope string).
    public let isServiceSpecific: Bool
    /// `UseNonStandardTexts` (1 bit; `UseNonStandardStacks` in TCF v2.0).
    public let usesNonStandardTexts: Bool
    /// `SpecialFeatureOptIns` (12 bits): the special feature ids (1–12) the user opted in to.
    public let specialFeatureOptIns: Set<Int>
    /// `PurposesConsent` (24 bits): the purpose ids (1–24) consented to.
    public let purposesConsent: Set<Int>
    /// `PurposesLITransparency` (24 bits): the purpose ids with legitimate interest established and not objected to.
    public let purposesLITransparency: Set<Int>
    /// `PurposeOneTreatment` (1 bit): purpose 1 was not disclosed (its consent bit then says nothing).
    public let purposeOneTreatment: Bool
    /// `PublisherCC` (2 letters): ISO 3166-1 alpha-2 country of the publisher, upper case.
    public let publisherCountryCode: String
    /// The vendor consent section.
    public let vendorConsents: TCFVendorSet
    /// The vendor legitimate interest section.
    public let vendorLegitimateInterests: TCFVendorSet
    /// The publisher restrictions, in string order.
    public let publisherRestrictions: [TCFPublisherRestriction]
    /// The disclosed vendors segment (type 1), when present.
    public let disclosedVendors: TCFVendorSet?
    /// The allowed vendors segment (type 2, out-of-band signalling, deprecated since 2021), when present.
    public let allowedVendors: TCFVendorSet?
    /// The Publisher TC segment (type 3), when present.
    public let publisherTC: TCFPublisherTC?

    /// The vendors under a restriction of `type` for `purposeID`, across every matching entry.
    public func restrictedVendors(purposeID: Int, type: TCFRestrictionType) -> TCFVendorSet {
        let matching = publisherRestrictions.filter { $0.purposeID == purposeID && $0.type == type }
        let ranges = matching.flatMap(\.vendors.ranges)
        return TCFVendorSet(maxVendorID: ranges.map(\.upperBound).max() ?? 0, encoding: .range, ranges: ranges)
    }

    /// The core fields of a decoded core segment.
    struct Core {
        var version = 0
        var created = Date(timeIntervalSince1970: 0)
        var lastUpdated = Date(timeIntervalSince1970: 0)
        var cmpID = 0
        var cmpVersion = 0
        var consentScreen = 0
        var consentLanguage = ""
        var vendorListVersion = 0
        var tcfPolicyVersion = 0
        var isServiceSpecific = false
        var usesNonStandardTexts = false
        var specialFeatureOptIns: Set<Int> = []
        var purposesConsent: Set<Int> = []
        var purposesLITransparency: Set<Int> = []
        var purposeOneTreatment = false
        var publisherCountryCode = ""
        var vendorConsents = TCFVendorSet.empty
        var vendorLegitimateInterests = TCFVendorSet.empty
        var publisherRestrictions: [TCFPublisherRestriction] = []
    }

    /// Assembles a string from its decoded segments.
    init(core: Core, disclosedVendors: TCFVendorSet?, allowedVendors: TCFVendorSet?, publisherTC: TCFPublisherTC?) {
        version = core.version
        created = core.created
        lastUpdated = core.lastUpdated
        cmpID = core.cmpID
        cmpVersion = core.cmpVersion
        consentScreen = core.consentScreen
        consentLanguage = core.consentLanguage
        vendorListVersion = core.vendorListVersion
        tcfPolicyVersion = core.tcfPolicyVersion
        isServiceSpecific = core.isServiceSpecific
        usesNonStandardTexts = core.usesNonStandardTexts
        specialFeatureOptIns = core.specialFeatureOptIns
        purposesConsent = core.purposesConsent
        purposesLITransparency = core.purposesLITransparency
        purposeOneTreatment = core.purposeOneTreatment
        publisherCountryCode = core.publisherCountryCode
        vendorConsents = core.vendorConsents
        vendorLegitimateInterests = core.vendorLegitimateInterests
        publisherRestrictions = core.publisherRestrictions
        self.disclosedVendors = disclosedVendors
        self.allowedVendors = allowedVendors
        self.publisherTC = publisherTC
    }
}
