import Foundation
import Policy
import Testing

/// Published TC strings with the decoded values their sources publish. Only published values are asserted.
///
/// Sources (repository @ commit, file):
/// - JAVA: InteractiveAdvertisingBureau/iabtcf-java @ 1bc03e64eb873a427dea52b3a1ae0d7c7ccfd1b3,
///   iabtcf-decoder/src/test/java/com/iabtcf/decoder/TCStringV2Test.java and TCStringDecoderTest.java
/// - ES: InteractiveAdvertisingBureau/iabtcf-es @ 839b9557bfb9852ab9187a65747fce8e305b90b3,
///   modules/core/test/ReportedIssues.test.ts and modules/cli/README.md
/// - SPEC: InteractiveAdvertisingBureau/GDPR-Transparency-and-Consent-Framework,
///   "TCFv2/IAB Tech Lab - Consent string and vendor list formats v2.md" @ 10b489eae0d5328e07241001520d984e15afb59a
///   (current) and @ 7ab102553dfdb9254f5cd56e44bed1e72e94288d (2020, with the out-of-band segments)
@Suite struct TCFOfficialStringTests {
    static func date(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    // JAVA TCStringV2Test.testCanConstructTCModelFromBase64String (made with https://www.iabtcf.com/#/encode).
    @Test func javaCoreFields() throws {
        let string = try TCString(decoding: "COtybn4PA_zT4KjACBENAPCIAEBAAECAAIAAAAAAAAAA")
        #expect(string.version == 2)
        #expect(string.created == (try Self.date("2020-01-26T17:01:00Z")))
        #expect(string.lastUpdated == (try Self.date("2021-02-02T17:01:00Z")))
        #expect(string.cmpID == 675)
        #expect(string.cmpVersion == 2)
        #expect(string.consentScreen == 1)
        #expect(string.vendorListVersion == 15)
        #expect(string.tcfPolicyVersion == 2)
        #expect(string.consentLanguage == "EN")
        #expect(string.publisherCountryCode == "AA")
        #expect(!string.isServiceSpecific)
        #expect(string.purposeOneTreatment)
        #expect(!string.usesNonStandardTexts)
        #expect(string.specialFeatureOptIns == [1])
        #expect(string.purposesConsent == [2, 10])
        #expect(string.purposesLITransparency == [2, 9])
    }

    // JAVA testConstructConsentsFromBitFields: bit-field vendor sections.
    @Test func javaBitFieldVendors() throws {
        let string = try TCString(
            decoding: "COrEAV4OrXx94ACABBENAHCIAD-AAAAAAACAAxAAAAgAIAwgAgAAAAEAgQAAAAAEAYQAQAAAACAAAABAAA")
        #expect(string.purposesConsent == [3, 4, 5, 6, 7, 8, 9])
        #expect(string.vendorConsents.ids == [23, 37, 47, 48, 53, 65, 98])
        #expect(string.vendorConsents.encoding == .bitField)
        #expect(string.vendorLegitimateInterests.ids == [37, 47, 48, 53, 65, 98, 129])
        #expect(string.disclosedVendors == nil && string.allowedVendors == nil && string.publisherTC == nil)
    }

    // JAVA testCanParseDisclosedAndAllowedVendors and testCanParseAllParts (the Publisher TC segment is padded with
    // '=' in the source; the decoder tolerates well-formed padding).
    @Test func javaDisclosedAllowedAndPublisherSegments() throws {
        let core = "COrEAV4OrXx94ACABBENAHCIAD-AAAAAAACAAxAAAAgAIAwgAgAAAAEAgQAAAAAEAYQAQAAAACAAAABAAA"
        let vendors = "\(core).IBAgAAAgAIAwgAgAAAAEAAAACA.QAagAQAgAIAwgA"
        let string = try TCString(decoding: vendors)
        #expect(string.allowedVendors?.ids == [12, 23, 37, 47, 48, 53])
        #expect(string.disclosedVendors?.ids == [23, 37, 47, 48, 53, 65, 98, 129])

        let all = try TCString(decoding: "\(vendors).cAAAAAAAITg=")
        #expect(all.publisherTC?.purposesConsent.count == 1)
    }

    // JAVA testCanParseRangeEncodedVendorLegitimateInterests and testRange: range-encoded vendor sections.
    @Test func javaRangeEncodedVendors() throws {
        let legitimateInterest = try TCString(decoding: "COv__-wOv__-wC2AAAENAPCgAAAAAAAAAAAAA_wAQA_gEBABAEAAAA")
        #expect(legitimateInterest.vendorLegitimateInterests.ids == [128])
        #expect(legitimateInterest.vendorLegitimateInterests.encoding == .range)

        let disclosed =
            "IFoEUQQgAIQwgIwQABAEAAAAOIAACAIAAAAQAIAgEAACEAAAAAgAQBAAAAAAAGBAAgAAAAAAAFAAECAAAgAAQARAEQAAAAAJAAIAAgAAAYQEAAAQmAgBC3ZAYzUw"
        let twoIDs = try TCString(decoding: "COwBOpCOwBOpCLqAAAENAPCAAAAAAAAAAAAAFfwAYFfAV-BVkAGBVYFWAAA.\(disclosed)")
        #expect(twoIDs.vendorConsents.ids == [702, 703])
        #expect(twoIDs.vendorConsents.encoding == .range)
        #expect(twoIDs.disclosedVendors != nil)

        let oneID = try TCString(decoding: "COwBOpCOwBOpCLqAAAENAPCAAAAAAAAAAAAAFfwAQFfgUbABAUaAAA.\(disclosed)")
        #expect(oneID.vendorConsents.ids == [703])
    }

    // JAVA testPurposesConsent.
    @Test func javaPurposesConsent() throws {
        let string = try TCString(decoding: "COwxsONOwxsONKpAAAENAdCAAMAAAAAAAAAAAAAAAAAA")
        #expect(string.purposesConsent.isSuperset(of: [1, 2]))
    }

    // JAVA testPublisherPurposes: the Publisher TC segment is spelled out bit by bit in the source.
    @Test func javaPublisherPurposesSegment() throws {
        let segment =
            "011" + "100000000000000000000000" + "000000000000000000000001" + "000010" + "01" + "11" + "000"
        let string = try TCString(
            decoding: "COtybn4PA_zT4KjACBENAPCIAEBAAECAAIAAAAAAAAAA." + TCFFixtures.base64URL(segment))
        let publisher = try #require(string.publisherTC)
        #expect(publisher.purposesConsent == [1])
        #expect(publisher.purposesLITransparency == [24])
        #expect(publisher.numberOfCustomPurposes == 2)
        #expect(publisher.customPurposesConsent == [2])
        #expect(publisher.customPurposesLITransparency == [1, 2])
    }

    // JAVA testPublisherRestrictions: a core segment spelled out bit by bit with three restrictions.
    @Test func javaPublisherRestrictions() throws {
        let core =
            "0000100011101011100" + "1000000000000001010" + "0000001110101110010" + "0000000000000101000"
            + "0000110011111000000" + "0000000000000000100" + "0011010000000011110" + "0001000000000000000"
            + String(repeating: "0000000000000000000", count: 5) + "000000000011"
            + "000001" + "01" + "000000000000" + "000010" + "00" + "000000000000" + "000011" + "10" + "000000000000"
            + "0"
        let string = try TCString(decoding: TCFFixtures.base64URL(core))
        let expected: [(Int, TCFRestrictionType)] = [
            (1, .requireConsent), (2, .notAllowed), (3, .requireLegitimateInterest),
        ]
        #expect(string.publisherRestrictions.map(\.purposeID) == expected.map(\.0))
        #expect(string.publisherRestrictions.map(\.type) == expected.map(\.1))
        #expect(string.publisherRestrictions.allSatisfy { $0.vendors.isEmpty })
    }

    // ES ReportedIssues.test.ts, issue 201: restrictions that list a vendor twice must decode.
    @Test func esIssue201RepeatedRestrictionVendors() throws {
        let string = try TCString(
            decoding:
                "CO4VGswO4VGswAfZCBDEAzCsAP_AAH_AAAigGUNf_X9fb2vj-_599_t0eY1f9_63t-wzjheMs-8NyZ-X_J4Wv2MyvB34JqQKGRgkunLBAQdtHGncTQgBwIlViTLMY02MjzNKJrJEilsbe2dYGH9vn8XT_ZKZ70-_v__7v3___33_5Ayhr_6_r7e18f3_Pvv9ujzGr_v_W9v2GccLxln3huTPy_5PC1-xmV4O_BNSBQyMEl05YICDto407iaEAOBEqsSZZjGmxkeZpRNZIkUtjb2zrAw_t8_i6f7JTPen39___d-___--__ICgKAOAAcAA4AFAAjgB6AEYALcGACAW0AtoJAHAAOAAcACgARwA9ACMAFuFABALaAW0GgDgAHAAOABQAI4AegBGAC3DgAgFtALaEQBwADgAHAAoAEcAPQAjABbiQAQC2gFtCoA4ABwADgAUACOAHoARgAtxYAIBbQC2hkAcAA4ABwAKABHAD0AIwAW40AEAtoBbQ6AOAAcAA4AFAAjgB6AEYALceACAW0AtohAHAAOAAcACgARwA9ACMAFuRABALaAW0SgDgAHAAOABQAI4AegBGAC3JgAgFtALaKQBwADgAHAAoAEcAPQAjABblQAQC2gFtA"
        )
        #expect(string.version == 2)
        // iabtcf-es: publisherRestrictions.getVendors(new PurposeRestriction(1, 1)) == [7, 20, 71, 122, 140, 183]
        #expect(string.restrictedVendors(purposeID: 1, type: .requireConsent).ids == [7, 20, 71, 122, 140, 183])
    }

    // ES ReportedIssues.test.ts, issue 142: the disclosed vendors bit field is shorter than its MaxVendorId.
    @Test func esIssue142ShortBitFieldThrows() throws {
        let error = TCFFixtures.error(
            decoding:
                "CLSYjTaOngnCIAOABBENAXCMAGOAABBAAA7IA5n-m7fP6_3fbqVv6E__PoA5Aqff3aJx8tv_1967rfnQEQoAIAAQCrwkAEABAcACABIMACAAuApEVABABUSABgBCAVSAtIoACACIArYQAHACgAFgAVwBJgDcAI7AWgMAAgBiKgAgBMgFfKQAQBRkQAQA4AFiBAAoA-AEVAJlAVgAtYcACAJcAr4eABAK8OgBgFzAOmAqwgABAWyA.IFukWSQh"
        )
        #expect(error?.reason == .truncated)
        #expect(error?.segment == 1)
        #expect(error?.field == "disclosedVendors.bitField")
    }

    // ES modules/cli/README.md: the CLI's decoded output. Its created/lastUpdated lines print a day-rounded local
    // rendering that does not match the encoded deciseconds, so dates are not asserted.
    @Test func esCLIReadmeExample() throws {
        let string = try TCString(decoding: "COrVd1pOrVd1pACABCENAHCAAAAAAAAAAAiQAAAAAAAA")
        #expect(string.version == 2)
        #expect(string.cmpID == 2)
        #expect(string.cmpVersion == 1)
        #expect(string.consentScreen == 2)
        #expect(string.consentLanguage == "EN")
        #expect(string.tcfPolicyVersion == 2)
        #expect(!string.isServiceSpecific)
        #expect(!string.usesNonStandardTexts)
        #expect(!string.purposeOneTreatment)
        #expect(string.publisherCountryCode == "ES")
        #expect(string.vendorListVersion == 7)
        #expect(string.purposesConsent.isEmpty && string.purposesLITransparency.isEmpty)
        #expect(string.specialFeatureOptIns.isEmpty)
        #expect(string.vendorConsents.isEmpty && string.vendorLegitimateInterests.isEmpty)
        #expect(string.publisherTC == nil && string.disclosedVendors == nil && string.allowedVendors == nil)
    }

    // SPEC (current): "[Core String].[Disclosed Vendors].[Publisher TC]".
    @Test func specCurrentExampleHasCoreDisclosedAndPublisherSegments() throws {
        let string = try TCString(
            decoding: "CQSbk4AQSbk4ANwAAAENAwCgAAAAAAAAAAYgACPAAAAA.IDKQA4AAgAKAGQAygAAA.YAAAAAAAAAAA")
        #expect(string.version == 2)
        #expect(string.disclosedVendors != nil)
        #expect(string.publisherTC != nil)
        #expect(string.allowedVendors == nil)
    }

    // SPEC (2020): "a globally-scoped TC String with all four segments present" and "a service-specific TC String
    // ... [Core String].[Publisher TC]".
    @Test func specOriginalExamplesScopeAndSegments() throws {
        let global = try TCString(
            decoding:
                "COw4XqLOw4XqLAAAAAENAXCAAAAAAAAAAAAAAAAAAAAA.IFukWSQgAIQwgI0QEByFAAAAeIAACAIgSAAQAIAgEQACEABAAAgAQFAEAIAAAGBAAgAAAAQAIFAAMCQAAgAAQiRAEQAAAAANAAIAAggAIYQFAAARmggBC3ZCYzU2yIA.QFukWSQgAIQwgI0QEByFAAAAeIAACAIgSAAQAIAgEQACEABAAAgAQFAEAIAAAGBAAgAAAAQAIFAAMCQAAgAAQiRAEQAAAAANAAIAAggAIYQFAAARmggBC3ZCYzU2yIA.YAAAAAAAAAAAAAAAAAA"
        )
        #expect(!global.isServiceSpecific)
        #expect(global.disclosedVendors != nil && global.allowedVendors != nil && global.publisherTC != nil)

        let serviceSpecific = try TCString(
            decoding:
                "CLcVDxRMWfGmWAVAHCENAXCkAKDAADnAABRgA5mdfCKZuYJez-NQm0TBMYA4oCAAGQYIAAAAAAEAIAEgAA.argAC0gAAAAAAAAAAAA"
        )
        #expect(serviceSpecific.isServiceSpecific)
        #expect(serviceSpecific.publisherTC != nil)
        #expect(serviceSpecific.disclosedVendors == nil && serviceSpecific.allowedVendors == nil)
    }

    // JAVA TCStringDecoderTest: unsupported versions and reads beyond the buffer.
    @Test func javaDecoderFailures() {
        // shouldFailIfANonSupportedVersionIsPassed: the single byte 13 (version bits 000011 = 3).
        #expect(TCFFixtures.error(decoding: "DQ==")?.reason == .unsupportedVersion)
        // testReadBeyondBuffer: "Bg" is version 1 (a TCF v1 string), which this decoder does not support.
        #expect(TCFFixtures.error(decoding: "Bg")?.reason == .unsupportedVersion)
        // testStrict: "CA==" holds a version and nothing else.
        let strict = TCFFixtures.error(decoding: "CA==")
        #expect(strict?.reason == .truncated)
        #expect(strict?.field == "created")
    }
}
