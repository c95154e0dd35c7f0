import Normalization
import Testing

@Suite struct EmailTests {
    @Test(arguments: [
        ("oleksandr.tkachenko15@web.de", "oleksandr.tkachenko15@web.de"),
        ("OLEKSANDR.TKACHENKO15@WEB.DE", "oleksandr.tkachenko15@web.de"),
        ("Ivan.khristov34@mail.ru", "ivan.khristov34@mail.ru"),
        (" aleksey.sokolov47@yandex.ru ", "aleksey.sokolov47@yandex.ru"),
        ("\u{A0}lea.lefevre327@gmail.com\u{A0}", "lea.lefevre327@gmail.com"),
        ("\u{FEFF}\u{200B}anna@yandex.ru\u{3000}", "anna@yandex.ru"),
        ("Anna+News@Gmail.com", "anna+news@gmail.com"),
        ("first.middle.last@sub.mail.co.uk", "first.middle.last@sub.mail.co.uk"),
        ("o'brien@example.ie", "o'brien@example.ie"),
        ("x_y-z!#$%&*/=?^`{|}~@my-shop.de", "x_y-z!#$%&*/=?^`{|}~@my-shop.de"),
        ("user@123mail.ru", "user@123mail.ru"),
        ("a@b.co", "a@b.co"),
        ("user@xn--80a1acny.xn--p1ai", "user@xn--80a1acny.xn--p1ai"),
    ])
    func canonicalASCII(input: String, expected: String) throws {
        #expect(try Normalizer.email(input) == expected)
    }

    @Test(arguments: [
        ("Иван.Петров@почта.рф", "иван.петров@почта.рф"),
        ("ПЁТР@ЯНДЕКС.РФ", "пётр@яндекс.рф"),
        ("ÉRIC@ORANGE.FR", "éric@orange.fr"),
        ("jose\u{301}@example.es", "jos\u{E9}@example.es"),
        ("Łukasz.Wójcik@wp.pl", "łukasz.wójcik@wp.pl"),
        ("müller@münchen.de", "müller@münchen.de"),
        ("\u{A0}Мар\u{2BC}яна@ukr.net", "мар\u{2BC}яна@ukr.net"),
    ])
    func canonicalInternationalized(input: String, expected: String) throws {
        let address = try Normalizer.email(input)
        #expect(address == expected)
        #expect(Array(address.unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test(arguments: [
        "OLEKSANDR.TKACHENKO15@WEB.DE", " Jos\u{E9}@Example.ES ", "ПЁТР@ЯНДЕКС.РФ", "e\u{301}ric@orange.fr",
        "ANNA+X@GMAIL.COM",
    ])
    func isIdempotent(input: String) throws {
        let once = try Normalizer.email(input)
        #expect(try Normalizer.email(once) == once)
    }

    @Test func precomposedAndDecomposedFormsAgree() throws {
        #expect(try Normalizer.email("l\u{E9}a@orange.fr") == Normalizer.email("le\u{301}a@orange.fr"))
        #expect(try Normalizer.email("\u{451}lka@mail.ru") == Normalizer.email("\u{435}\u{308}lka@mail.ru"))
    }

    @Test(arguments: [
        ("not-an-email", NormalizationError.invalidEmail(.missingAtSign)),
        ("a@@b.c", .invalidEmail(.multipleAtSigns)),
        ("anna@mail@ru.ru", .invalidEmail(.multipleAtSigns)),
        ("@mail.ru", .invalidEmail(.emptyLocalPart)),
        ("x@", .invalidEmail(.emptyDomain)),
        ("anna@localhost", .invalidEmail(.domainWithoutDot)),
        ("anna petrova@mail.ru", .invalidEmail(.whitespace)),
        ("anna@mail .ru", .invalidEmail(.whitespace)),
        ("anna\u{A0}petrova@mail.ru", .invalidEmail(.whitespace)),
        (".anna@mail.ru", .invalidEmail(.misplacedDot)),
        ("anna.@mail.ru", .invalidEmail(.misplacedDot)),
        ("an..na@mail.ru", .invalidEmail(.misplacedDot)),
        ("anna@mail..ru", .invalidEmail(.invalidDomainLabel)),
        ("anna@.mail.ru", .invalidEmail(.invalidDomainLabel)),
        ("anna@mail.ru.", .invalidEmail(.invalidDomainLabel)),
        ("anna@-mail.ru", .invalidEmail(.invalidDomainLabel)),
        ("anna@mail-.ru", .invalidEmail(.invalidDomainLabel)),
        ("anna@10.0.0.1", .invalidEmail(.invalidDomainLabel)),
        ("anna@\(String(repeating: "d", count: 64)).ru", .invalidEmail(.invalidDomainLabel)),
        ("anna(x)@mail.ru", .invalidEmail(.invalidCharacter)),
        ("\"anna\"@mail.ru", .invalidEmail(.invalidCharacter)),
        ("<anna@mail.ru>", .invalidEmail(.invalidCharacter)),
        ("anna@mail_ru.com", .invalidEmail(.invalidCharacter)),
        ("anna@[10.0.0.1]", .invalidEmail(.invalidCharacter)),
        ("anna;bob@mail.ru", .invalidEmail(.invalidCharacter)),
        ("😀smile@mail.ru", .invalidEmail(.invalidCharacter)),
        ("anna@mail\u{FF0E}ru", .invalidEmail(.domainWithoutDot)),
        ("mailto:anna@mail.ru", .invalidEmail(.invalidCharacter)),
        ("", .empty),
        ("   ", .empty),
        ("\u{A0}\u{FEFF}", .empty),
        ("anna\u{0}@mail.ru", .controlCharacter),
        ("anna@mail.ru\n", .controlCharacter),
        ("\tanna@mail.ru", .controlCharacter),
        ("anna\u{200E}@mail.ru", .controlCharacter),
        ("anna@mail.ru\u{85}", .controlCharacter),
    ])
    func rejects(input: String, expected: NormalizationError) {
        expectFailure(input, expected, Normalizer.email)
    }

    @Test func lengthLimitsCountUTF8Bytes() throws {
        let local64 = String(repeating: "a", count: 64)
        let domain189 =
            String(repeating: "b", count: 63) + "." + String(repeating: "c", count: 63) + "."
            + String(repeating: "d", count: 61)
        #expect(try Normalizer.email("\(local64)@\(domain189)").utf8.count == 254)
        expectFailure("\(local64)@\(domain189)e", .tooLong(limit: 254), Normalizer.email)
        expectFailure(local64 + "a@mail.ru", .invalidEmail(.localPartTooLong), Normalizer.email)
        // 32 Cyrillic letters are 64 bytes; 33 are 66.
        #expect(try Normalizer.email(String(repeating: "ж", count: 32) + "@mail.ru").hasPrefix("жж"))
        expectFailure(
            String(repeating: "ж", count: 33) + "@mail.ru", .invalidEmail(.localPartTooLong), Normalizer.email)
        expectFailure(String(repeating: "Z", count: 5000), .tooLong(limit: 254), Normalizer.email)
        #expect(Normalizer.Limit.email == 254 && Normalizer.Limit.emailLocalPart == 64)
    }
}
