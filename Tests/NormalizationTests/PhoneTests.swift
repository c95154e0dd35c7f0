import Normalization
import Testing

/// One written form of a number, the row's region, and the E.164 form expected.
struct PhoneCase: CustomTestStringConvertible, Sendable {
    let written: String
    let region: String?
    let e164: String
    var testDescription: String { "\(written) in \(region ?? "no region")" }
    init(_ written: String, _ region: String?, _ e164: String) {
        self.written = written
        self.region = region
        self.e164 = e164
    }
}

@Suite struct PhoneFormatTests {
    @Test(arguments: [
        PhoneCase("+7 (912) 345-67-89", "RU", "+79123456789"),
        PhoneCase("+79123456789", "RU", "+79123456789"),
        PhoneCase("+7-912-345-67-89", "RU", "+79123456789"),
        PhoneCase("8 912 345 67 89", "RU", "+79123456789"),
        PhoneCase("8 (912) 345-67-89", "RU", "+79123456789"),
        PhoneCase("89123456789", "RU", "+79123456789"),
        PhoneCase("9123456789", "RU", "+79123456789"),
        PhoneCase("79123456789", "RU", "+79123456789"),
        PhoneCase("7 912 345 67 89", "ru", "+79123456789"),
        PhoneCase("00 7 912 345 67 89", "RU", "+79123456789"),
        PhoneCase("+7 812 123-45-67", "RU", "+78121234567"),
        PhoneCase("8 (495) 123-45-67", "RU", "+74951234567"),
        PhoneCase("8-10-49-30-1234567", "RU", "+49301234567"),
        PhoneCase("+7\u{A0}912\u{2011}345\u{2011}67\u{2011}89", "RU", "+79123456789"),
        PhoneCase("+7 (974) 068-12-41", "RU", "+79740681241"),
        PhoneCase("8 992 922 44 69", "RU", "+79929224469"),
    ])
    func russia(_ phone: PhoneCase) throws {
        #expect(try Normalizer.phone(phone.written, defaultRegion: phone.region) == phone.e164)
    }

    @Test(arguments: [
        PhoneCase("+7 701 234 56 78", "KZ", "+77012345678"),
        PhoneCase("8 701 234 5678", "KZ", "+77012345678"),
        PhoneCase("87012345678", "KZ", "+77012345678"),
        PhoneCase("7012345678", "KZ", "+77012345678"),
        PhoneCase("8 961 443 68 03", "KZ", "+79614436803"),
        PhoneCase("+7 (913) 657-12-00", "KZ", "+79136571200"),
        PhoneCase("8 10 380 95 178 12 86", "KZ", "+380951781286"),
    ])
    func kazakhstan(_ phone: PhoneCase) throws {
        #expect(try Normalizer.phone(phone.written, defaultRegion: phone.region) == phone.e164)
    }

    @Test(arguments: [
        PhoneCase("+380 (95) 178-12-86", "UA", "+380951781286"),
        PhoneCase("+380951781286", "UA", "+380951781286"),
        PhoneCase("0951781286", "UA", "+380951781286"),
        PhoneCase("095 178 12 86", "UA", "+380951781286"),
        PhoneCase("951781286", "UA", "+380951781286"),
        PhoneCase("380951781286", "UA", "+380951781286"),
        PhoneCase("8 095 178 12 86", "UA", "+380951781286"),
        PhoneCase("+38 095 178 12 86", "UA", "+380951781286"),
        PhoneCase("00380951781286", "UA", "+380951781286"),
        PhoneCase("+380 (44) 123-45-67", nil, "+380441234567"),
    ])
    func ukraine(_ phone: PhoneCase) throws {
        #expect(try Normalizer.phone(phone.written, defaultRegion: phone.region) == phone.e164)
    }

    @Test(arguments: [
        PhoneCase("+359 89 746 7766", "BG", "+359897467766"),
        PhoneCase("+359897467766", "BG", "+359897467766"),
        PhoneCase("0897467766", "BG", "+359897467766"),
        PhoneCase("00359 89 746 7766", "BG", "+359897467766"),
        PhoneCase("02 123 4567", "BG", "+35921234567"),
        PhoneCase("+359 (0)2 123 4567", "BG", "+35921234567"),
        PhoneCase("359897467766", "BG", "+359897467766"),
    ])
    func bulgaria(_ phone: PhoneCase) throws {
        #expect(try Normalizer.phone(phone.written, defaultRegion: phone.region) == phone.e164)
    }

    @Test(arguments: [
        PhoneCase("0049 30 1234567", "DE", "+49301234567"),
        PhoneCase("+49 30 1234567", "DE", "+49301234567"),
        PhoneCase("+49 (0)30 1234567", "DE", "+49301234567"),
        PhoneCase("+49 030 1234567", "DE", "+49301234567"),
        PhoneCase("030 1234567", "DE", "+49301234567"),
        PhoneCase("030/1234567", "DE", "+49301234567"),
        PhoneCase("(030) 123 45 67", "DE", "+49301234567"),
        PhoneCase("0151 23456789", "DE", "+4915123456789"),
        PhoneCase("+49 151 23456789", "DE", "+4915123456789"),
        PhoneCase("052 32805983", "DE", "+495232805983"),
        PhoneCase("0049 27 41040901", "DE", "+492741040901"),
        PhoneCase("4930123456", "DE", "+4930123456"),
        PhoneCase("0228 1234", "DE", "+492281234"),
    ])
    func germany(_ phone: PhoneCase) throws {
        #expect(try Normalizer.phone(phone.written, defaultRegion: phone.region) == phone.e164)
    }

    @Test(arguments: [
        PhoneCase("+33 1 48 19 61 51", "FR", "+33148196151"),
        PhoneCase("+33148196151", "FR", "+33148196151"),
        PhoneCase("01 48 19 61 51", "FR", "+33148196151"),
        PhoneCase("01.48.19.61.51", "FR", "+33148196151"),
        PhoneCase("0148196151", "FR", "+33148196151"),
        PhoneCase("148196151", "FR", "+33148196151"),
        PhoneCase("+33 (0)1 48 19 61 51", "FR", "+33148196151"),
        PhoneCase("0033 1 48 19 61 51", "FR", "+33148196151"),
        PhoneCase("33148196151", "FR", "+33148196151"),
        PhoneCase("06-12-34-56-78", "FR", "+33612345678"),
    ])
    func france(_ phone: PhoneCase) throws {
        #expect(try Normalizer.phone(phone.written, defaultRegion: phone.region) == phone.e164)
    }

    @Test(arguments: [
        PhoneCase("+48 7 34 10 19 08", "PL", "+48734101908"),
        PhoneCase("+48734101908", "PL", "+48734101908"),
        PhoneCase("734 101 908", "PL", "+48734101908"),
        PhoneCase("734-101-908", "PL", "+48734101908"),
        PhoneCase("0734101908", "PL", "+48734101908"),
        PhoneCase("48734101908", "PL", "+48734101908"),
        PhoneCase("0048 734 101 908", "PL", "+48734101908"),
        PhoneCase("(22) 123 45 67", "PL", "+48221234567"),
    ])
    func poland(_ phone: PhoneCase) throws {
        #expect(try Normalizer.phone(phone.written, defaultRegion: phone.region) == phone.e164)
    }

    @Test(arguments: [
        PhoneCase("+34 912 05 09 72", "ES", "+34912050972"),
        PhoneCase("+34 9 12 05 09 72", "ES", "+34912050972"),
        PhoneCase("+34912050972", "ES", "+34912050972"),
        PhoneCase("912 05 09 72", "ES", "+34912050972"),
        PhoneCase("0912050972", "ES", "+34912050972"),
        PhoneCase("0034 912 050 972", "ES", "+34912050972"),
        PhoneCase("34612345678", "ES", "+34612345678"),
    ])
    func spain(_ phone: PhoneCase) throws {
        #expect(try Normalizer.phone(phone.written, defaultRegion: phone.region) == phone.e164)
    }

    @Test(arguments: [
        PhoneCase("+353 87 799 7503", "IE", "+353877997503"),
        PhoneCase("+353877997503", "IE", "+353877997503"),
        PhoneCase("087 799 7503", "IE", "+353877997503"),
        PhoneCase("+353 (0)87 799 7503", "IE", "+353877997503"),
        PhoneCase("00353 87 799 7503", "IE", "+353877997503"),
        PhoneCase("01 496 0123", "IE", "+35314960123"),
        PhoneCase("+353 2 65 29 10 48", "IE", "+353265291048"),
        PhoneCase("0744390751", "IE", "+353744390751"),
    ])
    func ireland(_ phone: PhoneCase) throws {
        #expect(try Normalizer.phone(phone.written, defaultRegion: phone.region) == phone.e164)
    }

    @Test(arguments: [
        PhoneCase("+44 20 7946 0958", "GB", "+442079460958"),
        PhoneCase("020 7946 0958", "GB", "+442079460958"),
        PhoneCase("+44 (0)20 7946 0958", nil, "+442079460958"),
        PhoneCase("07700 900123", "GB", "+447700900123"),
        PhoneCase("(202) 555-0123", "US", "+12025550123"),
        PhoneCase("1-202-555-0123", "US", "+12025550123"),
        PhoneCase("+1 416 555 0199", "CA", "+14165550199"),
        PhoneCase("011 49 30 1234567", "US", "+49301234567"),
        PhoneCase("+39 06 1234 5678", nil, "+390612345678"),
        PhoneCase("06 1234 5678", "IT", "+390612345678"),
        PhoneCase("+31 (0)6 12345678", nil, "+31612345678"),
        PhoneCase("06 12345678", "NL", "+31612345678"),
        PhoneCase("+41 44 668 18 00", "DE", "+41446681800"),
        PhoneCase("+881 6 1234 5678", nil, "+881612345678"),
    ])
    func otherCountries(_ phone: PhoneCase) throws {
        #expect(try Normalizer.phone(phone.written, defaultRegion: phone.region) == phone.e164)
    }

    @Test(arguments: [
        ("8 912 345 67 89", "RU"), ("+49 (0)30 1234567", "DE"), ("0734101908", "PL"), ("01 48 19 61 51", "FR"),
        ("02 123 4567", "BG"), ("087 799 7503", "IE"), ("(202) 555-0123", "US"), ("06 1234 5678", "IT"),
    ])
    func canonicalFormIsAFixedPoint(written: String, region: String) throws {
        let once = try Normalizer.phone(written, defaultRegion: region)
        #expect(try Normalizer.phone(once, defaultRegion: nil) == once)
        #expect(try Normalizer.phone(once, defaultRegion: "UA") == once)
    }
}

@Suite struct PhoneRejectionTests {
    /// Values `generate.py --dirty 2` writes into phone fields.
    @Test(arguments: [
        ("12", "RU", NormalizationError.invalidPhone(.tooFewDigits)),
        ("12", "DE", .invalidPhone(.tooFewDigits)),
        ("8800", "RU", .invalidPhone(.tooFewDigits)),
        ("8800", "FR", .invalidPhone(.tooFewDigits)),
        ("+7 (999) abc", "RU", .invalidPhone(.invalidCharacter)),
        ("++++", "IE", .invalidPhone(.misplacedPlus)),
    ])
    func hostileDataSetValues(input: String, region: String, expected: NormalizationError) {
        expectFailure(input, expected) { try Normalizer.phone($0, defaultRegion: region) }
    }

    @Test(arguments: [
        ("+7 999 999 99 99", "RU"), ("8 900 000 00 00", "RU"), ("9999999999", "KZ"), ("+7 987 654 32 10", "RU"),
        ("+33 1 11 11 11 11", "FR"), ("+48 123 456 789", "PL"), ("+49 30 00000000", "DE"),
        ("+380 98 765 43 21", "UA"), ("+34 999 999 999", "ES"), ("0888 888 888", "BG"), ("+353 1 111 1111", "IE"),
        ("+1 222 222 2222", "US"), ("+44 7777 777777", "GB"),
    ])
    func placeholders(input: String, region: String) {
        expectFailure(input, .invalidPhone(.implausible)) { try Normalizer.phone($0, defaultRegion: region) }
    }

    @Test(arguments: [
        ("+7 912 345 67", "RU" as String?, NormalizationError.invalidPhone(.tooFewDigits)),
        ("+7 912 345 67 890", "RU", .invalidPhone(.tooManyDigits)),
        ("8 912 345 67 890", "RU", .invalidPhone(.tooManyDigits)),
        ("8 123 456 78 91", "RU", .invalidPhone(.invalidLeadingDigit)),
        ("0231687848", "RU", .invalidPhone(.invalidLeadingDigit)),
        ("0807317824", "KZ", .invalidPhone(.invalidLeadingDigit)),
        ("+7 212 345 67 89", nil, .invalidPhone(.invalidLeadingDigit)),
        ("095 178 12 8", "UA", .invalidPhone(.tooFewDigits)),
        ("095 178 12 86 1", "UA", .invalidPhone(.tooManyDigits)),
        ("897467766", "BG", .invalidPhone(.missingTrunkPrefix)),
        ("30 1234567", "DE", .invalidPhone(.missingTrunkPrefix)),
        ("89453852796", "DE", .invalidPhone(.missingTrunkPrefix)),
        ("0049 30 123", "DE", .invalidPhone(.tooFewDigits)),
        ("+49 30 1234567890123", "DE", .invalidPhone(.tooManyDigits)),
        ("056 58033944", "FR", .invalidPhone(.tooManyDigits)),
        ("01 48 19 61 5", "FR", .invalidPhone(.tooFewDigits)),
        ("73410190", "PL", .invalidPhone(.tooFewDigits)),
        ("+48 0734101908", "PL", .invalidPhone(.tooManyDigits)),
        ("877997503", "IE", .invalidPhone(.missingTrunkPrefix)),
        ("+1 (123) 555-0123", "US", .invalidPhone(.invalidLeadingDigit)),
        ("+1 202 155 0123", "US", .invalidPhone(.invalidLeadingDigit)),
        ("+999 123 456 789", nil, .invalidPhone(.unknownCountryCode)),
        ("+28 1234567", nil, .invalidPhone(.unknownCountryCode)),
        ("+0 123 4567", nil, .invalidPhone(.unknownCountryCode)),
        ("+800 1234 5678", nil, .invalidPhone(.unknownCountryCode)),
        ("+7", nil, .invalidPhone(.tooFewDigits)),
        ("9123456789", nil, .invalidPhone(.missingCountryCode)),
        ("9123456789", "XX", .invalidPhone(.unsupportedRegion)),
        ("9123456789", "Russia", .invalidPhone(.unsupportedRegion)),
        ("9123456789", "AQ", .invalidPhone(.unsupportedRegion)),
        ("+7 912 345 67 89 ext. 12", "RU", .invalidPhone(.invalidCharacter)),
        ("tel:+79123456789", "RU", .invalidPhone(.invalidCharacter)),
        ("+7 912 345 67 89 #1", "RU", .invalidPhone(.invalidCharacter)),
        ("７９１２３４５６７８９", "RU", .invalidPhone(.invalidCharacter)),
        ("+7 (912 345 67 89", "RU", .invalidPhone(.unbalancedParentheses)),
        ("+7 912) 345 67 89", "RU", .invalidPhone(.unbalancedParentheses)),
        ("+7 ((912)) 345 67 89", "RU", .invalidPhone(.unbalancedParentheses)),
        ("7+9123456789", "RU", .invalidPhone(.misplacedPlus)),
        ("++79123456789", "RU", .invalidPhone(.misplacedPlus)),
        ("--", "RU", .invalidPhone(.noDigits)),
        ("+", "RU", .invalidPhone(.noDigits)),
        ("1234567890123456789012", "RU", .invalidPhone(.tooManyDigits)),
        ("", "RU", .empty),
        (" \u{A0} ", "RU", .empty),
        ("+7 912 345 67 89\t", "RU", .controlCharacter),
        ("+7 912\n345 67 89", "RU", .controlCharacter),
        ("abc\u{7}", "RU", .controlCharacter),
        ("+7 912 345 67 89\u{200F}", "RU", .controlCharacter),
        ("+7 912 345 67 89" + String(repeating: " ", count: 60), "RU", .tooLong(limit: 64)),
    ])
    func rejects(input: String, region: String?, expected: NormalizationError) {
        expectFailure(input, expected) { try Normalizer.phone($0, defaultRegion: region) }
    }
}
