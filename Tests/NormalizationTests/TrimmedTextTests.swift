import Testing

@testable import Normalization

/// `TrimmedText`'s byte-level fast path must agree with the scalar-by-scalar rules on every input
/// it takes (scalars of one or two UTF-8 bytes) and hand everything else to them.
@Suite struct TrimmedTextTests {
    /// Scalars at the edges of the rules: blanks, controls, the Arabic letter mark, two- and
    /// three-byte letters, and plain text.
    static let pieces: [String] = [
        " ", "\u{A0}", "\u{2007}", "\u{3000}", "\u{FEFF}", "\u{9F}", "\u{85}", "\u{80}", "\u{7F}", "\u{1F}", "\t",
        "\u{061C}", "\u{061B}", "\u{200E}", "\u{2028}", "a", "Z", "-", "é", "Ж", "ё", "ß", "ß\u{A0}", "中", "😀",
        "Анна", "O'Brien",
    ]

    func outcome(_ raw: String, fast: Bool) -> String {
        do {
            if fast {
                let trimmed = try TrimmedText(raw)
                return "\(trimmed.text)|\(trimmed.isASCII)"
            }
            let (text, ascii) = try TrimmedText.trimmedScalars(raw)
            return "\(text)|\(ascii)"
        } catch {
            return "error \(error)"
        }
    }

    @Test func fastPathAgreesWithTheScalarRulesOnEveryTripleOfPieces() {
        var checked = 0
        for a in Self.pieces {
            for b in Self.pieces {
                for c in Self.pieces {
                    let raw = a + b + c
                    #expect(outcome(raw, fast: true) == outcome(raw, fast: false), "pieces \(checked)")
                    checked += 1
                }
            }
        }
        #expect(checked == Self.pieces.count * Self.pieces.count * Self.pieces.count)
    }

    @Test func trimsSpacesAndNoBreakSpacesAroundCyrillic() throws {
        let trimmed = try TrimmedText("\u{A0} Мария  Соколова \u{A0}")
        #expect(trimmed.text == "Мария  Соколова")
        #expect(!trimmed.isASCII)
        #expect(try TrimmedText("  anna@example.org ").isASCII)
        #expect(throws: NormalizationError.controlCharacter) { try TrimmedText("Ан\u{85}на") }
        #expect(throws: NormalizationError.controlCharacter) { try TrimmedText("a\u{061C}b") }
        #expect(try TrimmedText("\u{A0}\u{A0}").text.isEmpty)
    }
}
