import Normalization
import Testing

@Suite struct NameTests {
    @Test(arguments: [
        ("Анна", "Анна"),
        ("  Анна  ", "Анна"),
        ("Мария   Иванова", "Мария Иванова"),
        ("María\u{A0}José", "María José"),
        ("\u{200B}Anna\u{FEFF}", "Anna"),
        ("Anna \u{3000} Maria", "Anna Maria"),
        ("Римский-Корсаков", "Римский-Корсаков"),
        ("O'Brien", "O'Brien"),
        ("D’Angelo", "D’Angelo"),
        ("Дем'яненко", "Дем'яненко"),
        ("Мар\u{2BC}яна", "Мар\u{2BC}яна"),
        ("Пётр", "Пётр"),
        ("Фёдоров", "Фёдоров"),
        ("Groß-Hartmann", "Groß-Hartmann"),
        ("Małgorzata", "Małgorzata"),
        ("Siobhán", "Siobhán"),
        ("mÜLLER", "mÜLLER"),
        ("Иванов \"the\" Иванов", "Иванов \"the\" Иванов"),
        ("李小龙", "李小龙"),
    ])
    func canonical(input: String, expected: String) throws {
        #expect(try Normalizer.name(input) == expected)
    }

    @Test func composesDecomposedLetters() throws {
        let jorg = try Normalizer.name("Jo\u{308}rg")
        #expect(Array(jorg.unicodeScalars) == Array("J\u{F6}rg".unicodeScalars))
        let petr = try Normalizer.name("Пе\u{308}тр")
        #expect(Array(petr.unicodeScalars) == Array("П\u{451}тр".unicodeScalars))
        let yi = try Normalizer.name("И\u{306}орданка")
        #expect(Array(yi.unicodeScalars) == Array("\u{419}орданка".unicodeScalars))
    }

    @Test(arguments: ["  Анна   Мария ", "Jo\u{308}rg", "María\u{A0}\u{A0}José", "Léa"])
    func isIdempotent(input: String) throws {
        let once = try Normalizer.name(input)
        #expect(try Normalizer.name(once) == once)
    }

    @Test(arguments: [
        ("", NormalizationError.empty),
        ("   ", .empty),
        ("\u{A0}\u{200B}", .empty),
        ("Lena\u{0}\u{7}", .controlCharacter),
        ("Артём\u{0}\u{7}", .controlCharacter),
        ("Anna\tMaria", .controlCharacter),
        ("Anna\nMaria", .controlCharacter),
        ("Anna\r", .controlCharacter),
        ("Anna\u{7F}", .controlCharacter),
        ("Anna\u{9B}", .controlCharacter),
        ("Anna\u{202E}anirام", .controlCharacter),
        ("Anna\u{2028}Maria", .controlCharacter),
        (String(repeating: "Z", count: 5000), .tooLong(limit: 200)),
        (String(repeating: "Ж", count: 201), .tooLong(limit: 200)),
    ])
    func rejects(input: String, expected: NormalizationError) {
        expectFailure(input, expected, Normalizer.name)
    }

    @Test func lengthLimitCountsScalarsAfterNormalisation() throws {
        #expect(try Normalizer.name(String(repeating: "Ж", count: 200)).unicodeScalars.count == 200)
        // 200 decomposed letters (400 scalars) compose to 200.
        #expect(try Normalizer.name(String(repeating: "e\u{301}", count: 200)).unicodeScalars.count == 200)
        // Padding and collapsed runs do not count.
        #expect(try Normalizer.name("  " + String(repeating: "a  ", count: 100) + "  ").unicodeScalars.count == 199)
    }
}
