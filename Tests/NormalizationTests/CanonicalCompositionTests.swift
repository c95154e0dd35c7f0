import Foundation
import Testing

@testable import Normalization

@Suite struct CanonicalCompositionTests {
    /// Every scalar the fast path trusts is NFC on its own and does not combine with what precedes it.
    @Test func fastPathScalarsAreStableUnderNFC() {
        var checked = 0
        for value in UInt32(0x20)...0x20FF {
            guard let scalar = Unicode.Scalar(value), scalar.isNFCStable, !scalar.isForbiddenControl else { continue }
            checked += 1
            let alone = String(Character(scalar))
            #expect(alone.precomposedStringWithCanonicalMapping == alone, "U+\(String(value, radix: 16))")
            #expect(scalar.properties.canonicalCombiningClass == .notReordered)
            for base in ["a", "A", "е", "o", "\u{E9}"] {
                let pair = base + alone
                #expect(Array(pair.precomposedStringWithCanonicalMapping.unicodeScalars) == Array(pair.unicodeScalars))
            }
        }
        #expect(checked > 1300)
    }

    @Test func composesOnlyWhenNeeded() {
        #expect(CanonicalComposition.isKnownComposed("Пётр Groß-Hartmann O'Brien Łukasz"))
        #expect(!CanonicalComposition.isKnownComposed("Jo\u{308}rg"))
        #expect(Array(CanonicalComposition.composed("Jo\u{308}rg").unicodeScalars) == Array("J\u{F6}rg".unicodeScalars))
        // U+212B ANGSTROM SIGN is not NFC: it becomes U+00C5.
        #expect(CanonicalComposition.composed("\u{212B}").unicodeScalars.first == "\u{C5}")
    }

    @Test func classifiesBlanksAndControls() {
        for blank: Unicode.Scalar in [" ", "\u{A0}", "\u{2007}", "\u{202F}", "\u{3000}", "\u{200B}", "\u{FEFF}"] {
            #expect(blank.isBlank && !blank.isForbiddenControl)
        }
        for control: Unicode.Scalar in [
            "\u{0}", "\t", "\n", "\r", "\u{7F}", "\u{85}", "\u{2028}", "\u{202E}", "\u{200F}",
        ] {
            #expect(control.isForbiddenControl && !control.isBlank)
        }
        for letter: Unicode.Scalar in ["a", "ё", "'", "-", "\u{2BC}"] {
            #expect(!letter.isBlank && !letter.isForbiddenControl)
        }
    }
}
