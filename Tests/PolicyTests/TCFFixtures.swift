import Foundation
import Policy
import Testing

/// Test-only helpers: TC string segments written bit by bit (as iabtcf-java's tests do), the shipped purpose map.
///
/// These helpers are not an encoder of TC string semantics: tests spell out every field's bits themselves.
enum TCFFixtures {
    /// `Policies/tcf-purposes.json` at the package root, found from this file's location.
    static let purposeMapURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PolicyTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Policies")
        .appendingPathComponent("tcf-purposes.json")

    /// The Tresor consent purposes the brief lists (those of `Policies/default.json`, minus the health one).
    static let knownPurposes: Set<String> = [
        "marketing.email", "marketing.sms", "marketing.push", "marketing.viber", "profiling", "analytics",
        "personalization", "transfer.third-party", "transfer.cross-border",
    ]

    /// The shipped purpose map.
    static func shippedMap() throws -> TCFPurposeMap {
        try TCFPurposeMap.load(contentsOf: purposeMapURL, knownPurposes: knownPurposes)
    }

    /// Base64url of a string of `0`/`1` (spaces ignored), zero-filled to whole characters, without padding.
    static func base64URL(_ bits: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var digits = bits.filter { $0 == "0" || $0 == "1" }
        while digits.count % 6 != 0 { digits.append("0") }
        var text = ""
        var chunk = Substring(digits)
        while !chunk.isEmpty {
            text.append(alphabet[Int(String(chunk.prefix(6)), radix: 2) ?? 0])
            chunk = chunk.dropFirst(6)
        }
        return text
    }

    /// `value` as `width` bits, most significant first.
    static func bits(_ value: Int, _ width: Int) -> String {
        let binary = String(value, radix: 2)
        return String(repeating: "0", count: max(width - binary.count, 0)) + binary
    }

    /// A bit field of `width` bits with the 1-based `ids` set.
    static func idBits(_ ids: Set<Int>, width: Int) -> String {
        String((1...width).map { ids.contains($0) ? "1" : "0" })
    }

    /// Two letters as 6 bits each (a = 0).
    static func letterBits(_ letters: String) -> String {
        letters.uppercased().unicodeScalars.map { bits(Int($0.value) - 65, 6) }.joined()
    }

    /// An empty vendor section: `MaxVendorId` 0, bit field.
    static let emptyVendorSection = bits(0, 16) + "0"

    /// A range-encoded vendor section with `maxVendorID` and the entries as (start, end) pairs (end `nil` = single).
    static func rangeSection(maxVendorID: Int, _ entries: [(Int, Int?)]) -> String {
        var text = bits(maxVendorID, 16) + "1" + bits(entries.count, 12)
        for (start, end) in entries {
            text += end == nil ? "0" + bits(start, 16) : "1" + bits(start, 16) + bits(end ?? 0, 16)
        }
        return text
    }

    /// 2024-05-01T12:00:00Z in deciseconds.
    static let lastUpdatedDeciseconds = 17_145_648_000

    /// The bits of a core segment; every field defaults to a plain service-specific string with no consent.
    static func coreBits(
        version: Int = 2, cmpID: Int = 300, cmpVersion: Int = 7, consentScreen: Int = 3,
        consentLanguage: String = "DE", vendorListVersion: Int = 120, tcfPolicyVersion: Int = 4,
        isServiceSpecific: Bool = true, purposesConsent: Set<Int> = [], purposesLITransparency: Set<Int> = [],
        purposeOneTreatment: Bool = false, publisherCountryCode: String = "FR",
        vendorConsents: String = emptyVendorSection, vendorLegitimateInterests: String = emptyVendorSection,
        restrictions: String = bits(0, 12)
    ) -> String {
        bits(version, 6) + bits(lastUpdatedDeciseconds - 864_000, 36) + bits(lastUpdatedDeciseconds, 36)
            + bits(cmpID, 12) + bits(cmpVersion, 12) + bits(consentScreen, 6) + letterBits(consentLanguage)
            + bits(vendorListVersion, 12) + bits(tcfPolicyVersion, 6) + (isServiceSpecific ? "1" : "0") + "0"
            + idBits([], width: 12) + idBits(purposesConsent, width: 24) + idBits(purposesLITransparency, width: 24)
            + (purposeOneTreatment ? "1" : "0") + letterBits(publisherCountryCode) + vendorConsents
            + vendorLegitimateInterests + restrictions
    }

    /// A Publisher TC segment's bits with the given purpose consents and no custom purposes.
    static func publisherTCBits(purposesConsent: Set<Int>) -> String {
        "011" + idBits(purposesConsent, width: 24) + idBits([], width: 24) + bits(0, 6)
    }

    /// Decodes a core segment made of `coreBits` with the given changes.
    static func core(_ bits: String) throws(TCStringError) -> TCString {
        try TCString(decoding: base64URL(bits))
    }

    /// The error of decoding `string`; fails the test when it decodes.
    static func error(decoding string: String, sourceLocation: SourceLocation = #_sourceLocation) -> TCStringError? {
        do {
            _ = try TCString(decoding: string)
        } catch {
            return error
        }
        Issue.record("the TC string decoded without errors", sourceLocation: sourceLocation)
        return nil
    }
}
