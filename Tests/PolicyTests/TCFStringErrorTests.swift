import Foundation
import Policy
import Testing

/// Every way a TC string is rejected, each built from spelled-out bits (no encoder), with field and bit offset.
@Suite struct TCFStringErrorTests {
    typealias F = TCFFixtures

    /// The bit offset of the vendor consent section in a core segment made by `coreBits`.
    static let vendorSectionOffset = 213

    @Test func validFixtureDecodes() throws {
        let string = try F.core(F.coreBits(purposesConsent: [1, 3]))
        #expect(string.cmpID == 300 && string.consentLanguage == "DE" && string.publisherCountryCode == "FR")
        #expect(string.purposesConsent == [1, 3])
        #expect(string.lastUpdated == Date(timeIntervalSince1970: Double(F.lastUpdatedDeciseconds) / 10))
        #expect(string.lastUpdated == (try TCFOfficialStringTests.date("2024-05-01T12:00:00Z")))
    }

    @Test func emptyAndOverlongStrings() {
        #expect(F.error(decoding: "")?.reason == .empty)
        let long = String(repeating: "A", count: TCString.maximumLength + 1)
        let error = F.error(decoding: long)
        #expect(error?.reason == .tooLong)
        #expect(error?.description.contains("AAAA") == false)
    }

    @Test(arguments: [".", "..", "CAAA.", ".CAAA", "CAAA..IAAA"])
    func emptySegments(string: String) {
        #expect(F.error(decoding: string)?.reason == .emptySegment)
    }

    @Test func invalidCharactersNameTheSegmentAndOffset() throws {
        let core = F.base64URL(F.coreBits())
        for bad in ["+", "/", " ", "é", "\u{0}", "=A"] {
            let error = try #require(F.error(decoding: core + ".IAA" + bad + "AAAA"))
            #expect(error.reason == .invalidCharacter, "\(bad.unicodeScalars.map(\.value))")
            #expect(error.segment == 1)
            #expect(error.characterOffset == 3)
        }
        #expect(F.error(decoding: "CAAA===")?.reason == .invalidCharacter)
        #expect(F.error(decoding: "CAAAA=")?.reason == .invalidCharacter)  // padding that does not complete a group
    }

    @Test func unsupportedVersions() throws {
        for version in [0, 1, 3, 63] {
            let error = try #require(F.error(decoding: F.base64URL(F.coreBits(version: version))))
            #expect(error.reason == .unsupportedVersion)
            #expect(error.field == "version" && error.bitOffset == 0 && error.segment == 0)
            #expect(error.message.contains("\(version)"))
        }
    }

    @Test func truncationNamesTheFieldAndBitOffset() throws {
        let bits = F.coreBits()
        // Cut inside cmpId (bits 78-89): the last whole character ends at bit 84.
        let error = try #require(F.error(decoding: F.base64URL(String(bits.prefix(84)))))
        #expect(error.reason == .truncated)
        #expect(error.field == "cmpId")
        #expect(error.bitOffset == 78)
        #expect(error.description.hasPrefix("TC string segment 0, field cmpId (bit 78): needs 12 bits"))
        // Without NumPubRestrictions the core is incomplete (the field is required even when 0).
        let noRestrictions = F.error(decoding: F.base64URL(String(bits.prefix(Self.vendorSectionOffset + 34))))
        #expect(noRestrictions?.field == "numPubRestrictions")
    }

    @Test func bitFieldShorterThanMaxVendorID() {
        let section = F.bits(500, 16) + "0" + String(repeating: "1", count: 10)
        let error = F.error(decoding: F.base64URL(F.coreBits(vendorConsents: section)))
        #expect(error?.reason == .truncated)
        #expect(error?.field == "vendorConsents.bitField")
        #expect(error?.bitOffset == Self.vendorSectionOffset + 17)
    }

    @Test func unknownAndMisplacedSegmentTypes() throws {
        let core = F.base64URL(F.coreBits())
        for type in [0, 4, 5, 6, 7] {
            let error = try #require(F.error(decoding: core + "." + F.base64URL(F.bits(type, 3) + "000000000")))
            #expect(error.reason == .unknownSegmentType)
            #expect(error.segment == 1 && error.field == "segmentType" && error.bitOffset == 0)
        }
    }

    @Test func duplicateSegments() {
        let core = F.base64URL(F.coreBits())
        let disclosed = F.base64URL("001" + F.emptyVendorSection)
        let publisher = F.base64URL(F.publisherTCBits(purposesConsent: [1]))
        let error = F.error(decoding: [core, publisher, disclosed, publisher].joined(separator: "."))
        #expect(error?.reason == .duplicateSegment)
        #expect(error?.segment == 3)
    }

    @Test func rangeEntriesOutOfOrder() throws {
        let section = F.rangeSection(maxVendorID: 20, [(9, nil), (5, nil)])
        let error = try #require(F.error(decoding: F.base64URL(F.coreBits(vendorConsents: section))))
        #expect(error.reason == .rangeOutOfOrder)
        #expect(error.field == "vendorConsents.rangeEntry[1].startOrOnlyVendorId")
        // maxVendorId (16) + isRangeEncoding (1) + numEntries (12) + entry 0 (17) + isARange (1)
        #expect(error.bitOffset == Self.vendorSectionOffset + 47)
    }

    @Test func overlappingAndBackwardRanges() {
        let overlapping = F.rangeSection(maxVendorID: 20, [(3, 8), (8, 10)])
        #expect(
            F.error(decoding: F.base64URL(F.coreBits(vendorLegitimateInterests: overlapping)))?.field
                == "vendorLegitimateInterests.rangeEntry[1].startOrOnlyVendorId")
        let backward = F.rangeSection(maxVendorID: 20, [(8, 3)])
        let error = F.error(decoding: F.base64URL(F.coreBits(vendorConsents: backward)))
        #expect(error?.reason == .rangeOutOfOrder)
        #expect(error?.field == "vendorConsents.rangeEntry[0].endVendorId")
    }

    @Test func vendorsBeyondMaxVendorIDOrZero() {
        let beyondEnd = F.rangeSection(maxVendorID: 20, [(3, 21)])
        let error = F.error(decoding: F.base64URL(F.coreBits(vendorConsents: beyondEnd)))
        #expect(error?.reason == .vendorOutOfRange)
        #expect(error?.field == "vendorConsents.rangeEntry[0].endVendorId")
        #expect(error?.message.contains("maxVendorId 20") == true)

        let beyondStart = F.rangeSection(maxVendorID: 20, [(21, nil)])
        #expect(F.error(decoding: F.base64URL(F.coreBits(vendorConsents: beyondStart)))?.reason == .vendorOutOfRange)

        let zero = F.rangeSection(maxVendorID: 20, [(0, nil)])
        #expect(F.error(decoding: F.base64URL(F.coreBits(vendorConsents: zero)))?.reason == .vendorOutOfRange)

        let disclosed = "001" + F.rangeSection(maxVendorID: 5, [(1, 6)])
        let segmentError = F.error(decoding: F.base64URL(F.coreBits()) + "." + F.base64URL(disclosed))
        #expect(segmentError?.segment == 1)
        #expect(segmentError?.field == "disclosedVendors.rangeEntry[0].endVendorId")
    }

    @Test func invalidLettersAndRestrictionType() throws {
        var bits = Array(F.coreBits())
        // consentLanguage starts at bit 108; 26 is not a letter.
        bits.replaceSubrange(108..<114, with: Array(F.bits(26, 6)))
        let letter = try #require(F.error(decoding: F.base64URL(String(bits))))
        #expect(letter.reason == .invalidValue && letter.field == "consentLanguage" && letter.bitOffset == 108)

        let restriction = F.bits(1, 12) + F.bits(2, 6) + "11" + F.bits(0, 12)
        let error = F.error(decoding: F.base64URL(F.coreBits(restrictions: restriction)))
        #expect(error?.reason == .invalidValue)
        #expect(error?.field == "pubRestrictionEntry[0].restrictionType")
    }

    @Test func publisherRestrictionsMergeRepeatedVendors() throws {
        let entry =
            F.bits(2, 6) + "00" + F.bits(3, 12) + "0" + F.bits(9, 16) + "1" + F.bits(4, 16) + F.bits(9, 16)
            + "0" + F.bits(2, 16)
        let string = try F.core(F.coreBits(restrictions: F.bits(1, 12) + entry))
        let restriction = try #require(string.publisherRestrictions.first)
        #expect(restriction.purposeID == 2 && restriction.type == .notAllowed)
        #expect(restriction.vendors.ids == [2, 4, 5, 6, 7, 8, 9])
        #expect(restriction.vendors.contains(6) && !restriction.vendors.contains(3))
    }

    @Test func descriptionsNeverQuoteTheString() throws {
        let core = F.base64URL(F.coreBits())
        let strings = [core + ".Zzzz", String(core.dropLast(20)), core + ".IAA+AAAA", "Bg" + core]
        for string in strings {
            let error = try #require(F.error(decoding: string))
            #expect(!error.description.contains(string))
            #expect(!error.description.contains(String(core.prefix(12))))
        }
    }
}
