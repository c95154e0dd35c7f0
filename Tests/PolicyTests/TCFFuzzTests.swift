import Foundation
import Policy
import Testing

/// Hostile input: random, truncated and mutated strings must decode or throw `TCStringError`, never trap, and
/// whatever decodes must respect the format's bounds.
@Suite struct TCFFuzzTests {
    typealias F = TCFFixtures

    /// A small deterministic generator (SplitMix64) so that a failure can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    /// Published strings to cut and mutate (sources in `TCFOfficialStringTests`).
    static let seeds = [
        "COtybn4PA_zT4KjACBENAPCIAEBAAECAAIAAAAAAAAAA",
        "COrEAV4OrXx94ACABBENAHCIAD-AAAAAAACAAxAAAAgAIAwgAgAAAAEAgQAAAAAEAYQAQAAAACAAAABAAA.IBAgAAAgAIAwgAgAAAAEAAAACA.QAagAQAgAIAwgA.cAAAAAAAITg=",
        "COv__-wOv__-wC2AAAENAPCgAAAAAAAAAAAAA_wAQA_gEBABAEAAAA",
        "COwBOpCOwBOpCLqAAAENAPCAAAAAAAAAAAAAFfwAYFfAV-BVkAGBVYFWAAA",
        "CQSbk4AQSbk4ANwAAAENAwCgAAAAAAAAAAYgACPAAAAA.IDKQA4AAgAKAGQAygAAA.YAAAAAAAAAAA",
        "CLcVDxRMWfGmWAVAHCENAXCkAKDAADnAABRgA5mdfCKZuYJez-NQm0TBMYA4oCAAGQYIAAAAAAEAIAEgAA.argAC0gAAAAAAAAAAAA",
    ]

    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// Decodes `string`; checks the bounds of a result. Returns whether it decoded.
    @discardableResult
    static func check(_ string: String) -> Bool {
        let decoded: TCString
        do {
            decoded = try TCString(decoding: string)
        } catch {
            #expect(!error.message.isEmpty)
            if string.count > 24 { #expect(!error.description.contains(string)) }
            return false
        }
        #expect(decoded.version == 2)
        #expect(decoded.purposesConsent.allSatisfy { (1...24).contains($0) })
        #expect(decoded.purposesLITransparency.allSatisfy { (1...24).contains($0) })
        #expect(decoded.specialFeatureOptIns.allSatisfy { (1...12).contains($0) })
        #expect(decoded.consentLanguage.utf8.count == 2 && decoded.publisherCountryCode.utf8.count == 2)
        let sections =
            [decoded.vendorConsents, decoded.vendorLegitimateInterests]
            + [decoded.disclosedVendors, decoded.allowedVendors].compactMap { $0 }
        for section in sections {
            #expect((section.ranges.first?.lowerBound ?? 1) >= 1)
            #expect((section.ranges.last?.upperBound ?? 0) <= section.maxVendorID)
        }
        return true
    }

    @Test func everyPrefixOfPublishedStrings() {
        for seed in Self.seeds {
            let characters = Array(seed)
            var decodedPrefixes = 0
            for length in 0...characters.count where Self.check(String(characters[0..<length])) {
                decodedPrefixes += 1
            }
            // The whole string decodes; the empty prefix and prefixes inside the fixed core fields never do.
            #expect(Self.check(seed))
            #expect(!Self.check(String(characters.prefix(35))))  // 210 bits < 213 bits of fixed core fields
            #expect(decodedPrefixes >= 1)
        }
    }

    @Test func mutatedPublishedStrings() {
        var generator = SplitMix64(state: 0x7C0F_FEE5)
        var decoded = 0
        for round in 0..<3_000 {
            var characters = Array(Self.seeds[round % Self.seeds.count])
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<characters.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: characters[index] = Self.alphabet.randomElement(using: &generator) ?? "A"
                case 1: characters.remove(at: index)
                case 2: characters.insert(".", at: index)
                default: characters[index] = ["=", "+", "/", "é", " ", "."].randomElement(using: &generator) ?? "="
                }
                if characters.isEmpty { characters = ["A"] }
            }
            if Self.check(String(characters)) { decoded += 1 }
        }
        // Many single-character changes only flip consent bits, so a share of mutants still decodes.
        #expect(decoded > 100)
    }

    @Test func randomStrings() {
        var generator = SplitMix64(state: 42)
        let extra: [Character] = [".", ".", "=", "+", "~", "\u{0}", "ü", "🙂"]
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...200, using: &generator)
            var text = ""
            for _ in 0..<length {
                let fromAlphabet = Int.random(in: 0..<20, using: &generator) > 0
                text.append(
                    (fromAlphabet
                        ? Self.alphabet.randomElement(using: &generator) : extra.randomElement(using: &generator))
                        ?? "A")
            }
            // Version 2 needs 'C' first; force it in half of the cases to reach deeper fields.
            if length > 0 && Bool.random(using: &generator) { text = "C" + text.dropFirst() }
            Self.check(text)
        }
    }

    @Test func hugeRangesStayCompact() throws {
        let fullRange = F.rangeSection(maxVendorID: 65_535, [(1, 65_535)])
        var restrictions = F.bits(300, 12)
        for purpose in 0..<300 {
            restrictions +=
                F.bits(purpose % 64, 6) + "00" + F.bits(2, 12) + "1" + F.bits(1, 16) + F.bits(65_535, 16)
                + "1" + F.bits(2, 16) + F.bits(65_535, 16)
        }
        let string = try F.core(
            F.coreBits(vendorConsents: fullRange, vendorLegitimateInterests: fullRange, restrictions: restrictions))
        #expect(string.vendorConsents.count == 65_535)
        #expect(string.vendorConsents.ranges.count == 1)
        #expect(string.publisherRestrictions.count == 300)
        #expect(string.restrictedVendors(purposeID: 5, type: .notAllowed).ranges == [1...65_535])
    }
}
