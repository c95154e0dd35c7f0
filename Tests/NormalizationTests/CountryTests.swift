import Normalization
import Testing

@Suite struct CountryTests {
    @Test(arguments: [
        ("RU", "RU"), ("ru", "RU"), (" Ru ", "RU"), ("RUS", "RU"), ("rus", "RU"), ("Russia", "RU"),
        ("Russian Federation", "RU"), ("Россия", "RU"), ("российская федерация", "RU"), ("РФ", "RU"),
        ("KZ", "KZ"), ("KAZ", "KZ"), ("Kazakhstan", "KZ"), ("Казахстан", "KZ"), ("Республика Казахстан", "KZ"),
        ("UA", "UA"), ("UKR", "UA"), ("Ukraine", "UA"), ("Украина", "UA"), ("Україна", "UA"),
        ("BG", "BG"), ("BGR", "BG"), ("Bulgaria", "BG"), ("Болгария", "BG"), ("България", "BG"),
        ("DE", "DE"), ("DEU", "DE"), ("Germany", "DE"), ("Deutschland", "DE"), ("Германия", "DE"),
        ("FR", "FR"), ("FRA", "FR"), ("France", "FR"), ("Франция", "FR"), ("french republic", "FR"),
        ("PL", "PL"), ("POL", "PL"), ("Poland", "PL"), ("Polska", "PL"), ("Польша", "PL"),
        ("ES", "ES"), ("ESP", "ES"), ("Spain", "ES"), ("España", "ES"), ("ESPANA", "ES"), ("Испания", "ES"),
        ("IE", "IE"), ("IRL", "IE"), ("Ireland", "IE"), ("Éire", "IE"), ("Eire", "IE"), ("Ирландия", "IE"),
        ("UK", "GB"), ("United Kingdom", "GB"), ("Great Britain", "GB"), ("Великобритания", "GB"),
        ("USA", "US"), ("U.S.A.", "US"), ("United States of America", "US"), ("США", "US"),
        ("Côte d'Ivoire", "CI"), ("cote d’ivoire", "CI"), ("Guinea-Bissau", "GW"), ("guinea bissau", "GW"),
        ("Korea, Republic of", "KR"), ("Bosnia and Herzegovina", "BA"), ("Швейцария", "CH"),
        ("\u{A0}Germany\u{A0}", "DE"), ("  Russian   Federation ", "RU"), ("Бе\u{301}ларусь", "BY"),
    ])
    func canonical(input: String, expected: String) throws {
        #expect(try Normalizer.country(input) == expected)
    }

    @Test func acceptsExactlyTheOfficiallyAssignedAlpha2Codes() throws {
        let letters = (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { Character(Unicode.Scalar($0)) }
        var accepted: [String] = []
        for first in letters {
            for second in letters {
                let code = String([first, second])
                if code != "UK", let canonical = try? Normalizer.country(code) {
                    #expect(canonical == code)
                    accepted.append(code)
                }
            }
        }
        #expect(accepted.count == 249)
        for code in ["RU", "KZ", "UA", "BG", "DE", "FR", "PL", "ES", "IE", "AQ", "SS", "BQ", "AX", "EH"] {
            #expect(accepted.contains(code))
        }
        for code in ["XK", "EU", "AA", "ZZ", "SU", "YU", "AN", "EL"] {
            #expect(!accepted.contains(code))
        }
    }

    @Test(arguments: [
        ("XK", NormalizationError.unknownCountry), ("EU", .unknownCountry), ("XXX", .unknownCountry),
        ("Narnia", .unknownCountry), ("Рашка", .unknownCountry), ("R", .unknownCountry), ("R U", .unknownCountry),
        ("", .empty), ("   ", .empty), ("R\u{0}U", .controlCharacter), ("RU\n", .controlCharacter),
        (String(repeating: "a", count: 101), .tooLong(limit: 100)),
    ])
    func rejects(input: String, expected: NormalizationError) {
        expectFailure(input, expected, Normalizer.country)
    }
}
