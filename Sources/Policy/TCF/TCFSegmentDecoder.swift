import Foundation

/// Decodes the segments of a TC string field by field, in the order of the specification's tables.
enum TCFSegmentDecoder {
    /// The segment types that may follow the core segment.
    enum OptionalSegment: Int {
        case disclosedVendors = 1
        case allowedVendors = 2
        case publisherTC = 3
    }

    /// Decodes the core segment (it has no segment type; it starts with `Version`).
    static func core(_ bits: TCFBase64URL.Bits) throws(TCStringError) -> TCString.Core {
        var reader = TCFBitReader(bits)
        var core = TCString.Core()
        core.version = try reader.integer(6, "version")
        guard core.version == 2 else {
            throw reader.error(
                .unsupportedVersion, "version", at: 0,
                "unsupported version \(core.version) (only TCF v2 strings, version 2, are supported)")
        }
        core.created = try date(&reader, "created")
        core.lastUpdated = try date(&reader, "lastUpdated")
        core.cmpID = try reader.integer(12, "cmpId")
        core.cmpVersion = try reader.integer(12, "cmpVersion")
        core.consentScreen = try reader.integer(6, "consentScreen")
        core.consentLanguage = try reader.letters("consentLanguage")
        core.vendorListVersion = try reader.integer(12, "vendorListVersion")
        core.tcfPolicyVersion = try reader.integer(6, "tcfPolicyVersion")
        core.isServiceSpecific = try reader.bool("isServiceSpecific")
        core.usesNonStandardTexts = try reader.bool("useNonStandardTexts")
        core.specialFeatureOptIns = try reader.idSet(12, "specialFeatureOptIns")
        core.purposesConsent = try reader.idSet(24, "purposesConsent")
        core.purposesLITransparency = try reader.idSet(24, "purposesLITransparency")
        core.purposeOneTreatment = try reader.bool("purposeOneTreatment")
        core.publisherCountryCode = try reader.letters("publisherCC")
        core.vendorConsents = try reader.vendorSection("vendorConsents")
        core.vendorLegitimateInterests = try reader.vendorSection("vendorLegitimateInterests")
        core.publisherRestrictions = try publisherRestrictions(&reader)
        return core
    }

    /// Reads the type of an optional segment (its first 3 bits).
    static func segmentType(_ bits: TCFBase64URL.Bits) throws(TCStringError) -> OptionalSegment {
        var reader = TCFBitReader(bits)
        let type = try reader.integer(3, "segmentType")
        guard let segment = OptionalSegment(rawValue: type) else {
            let known = "1 (disclosed vendors), 2 (allowed vendors) or 3 (publisher TC)"
            let message =
                type == 0
                ? "segment type 0 (core) may only be the first segment; expected \(known)"
                : "unknown segment type \(type); expected \(known)"
            throw reader.error(.unknownSegmentType, "segmentType", at: 0, message)
        }
        return segment
    }

    /// Decodes a disclosed or allowed vendors segment.
    static func vendors(_ bits: TCFBase64URL.Bits, _ name: String) throws(TCStringError) -> TCFVendorSet {
        var reader = TCFBitReader(bits)
        _ = try reader.integer(3, "segmentType")
        return try reader.vendorSection(name)
    }

    /// Decodes a Publisher TC segment.
    static func publisherTC(_ bits: TCFBase64URL.Bits) throws(TCStringError) -> TCFPublisherTC {
        var reader = TCFBitReader(bits)
        _ = try reader.integer(3, "segmentType")
        let consent = try reader.idSet(24, "pubPurposesConsent")
        let legitimateInterest = try reader.idSet(24, "pubPurposesLITransparency")
        let count = try reader.integer(6, "numCustomPurposes")
        let customConsent = try reader.idSet(count, "customPurposesConsent")
        let customLegitimateInterest = try reader.idSet(count, "customPurposesLITransparency")
        return TCFPublisherTC(
            purposesConsent: consent, purposesLITransparency: legitimateInterest, numberOfCustomPurposes: count,
            customPurposesConsent: customConsent, customPurposesLITransparency: customLegitimateInterest)
    }

    /// Reads a 36-bit decisecond timestamp.
    private static func date(_ reader: inout TCFBitReader, _ field: String) throws(TCStringError) -> Date {
        let deciseconds = try reader.integer(36, field)
        return Date(timeIntervalSince1970: Double(deciseconds) / 10)
    }

    /// Reads `NumPubRestrictions` (12) and each `PubRestrictionEntry`.
    private static func publisherRestrictions(
        _ reader: inout TCFBitReader
    ) throws(TCStringError) -> [TCFPublisherRestriction] {
        let count = try reader.integer(12, "numPubRestrictions")
        var restrictions: [TCFPublisherRestriction] = []
        for index in 0..<count {
            let entry = "pubRestrictionEntry[\(index)]"
            let purposeID = try reader.integer(6, "\(entry).purposeId")
            let typeOffset = reader.offset
            let rawType = try reader.integer(2, "\(entry).restrictionType")
            guard let type = TCFRestrictionType(rawValue: rawType) else {
                throw reader.error(
                    .invalidValue, "\(entry).restrictionType", at: typeOffset,
                    "restriction type \(rawType) is undefined (expected 0, 1 or 2)")
            }
            let rangeCount = try reader.integer(12, "\(entry).numEntries")
            var ranges: [ClosedRange<Int>] = []
            for rangeIndex in 0..<rangeCount {
                ranges.append(try reader.rangeEntry("\(entry).rangeEntry[\(rangeIndex)]"))
            }
            let vendors = TCFVendorSet(
                maxVendorID: ranges.map(\.upperBound).max() ?? 0, encoding: .range, ranges: ranges)
            restrictions.append(TCFPublisherRestriction(purposeID: purposeID, type: type, vendors: vendors))
        }
        return restrictions
    }
}
