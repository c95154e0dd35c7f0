import Normalization
import Testing

/// Synthetic records copied from `generate.py --people 2000 --seed 1 --dirty 1|2`: the forms one person's records
/// carry must give one canonical value, and the hostile values must be rejected.
@Suite struct DataSetSampleTests {
    /// (row country, the forms of one person's phone, E.164).
    @Test(arguments: [
        ("UA", ["+380 (95) 178-12-86", "+380951781286", "0951781286"], "+380951781286"),
        ("RU", ["+7 (969) 420-80-93", "89694208093", "8 969 420 80 93", "+79694208093"], "+79694208093"),
        ("KZ", ["8 961 443 68 03", "89614436803", "+7 (961) 443-68-03"], "+79614436803"),
        ("DE", ["+495232805983", "052 32805983", "0049 52 32805983"], "+495232805983"),
        ("DE", ["+491289544668", "0049 12 89544668", "012 89544668"], "+491289544668"),
        ("PL", ["+48 7 34 10 19 08", "0734101908", "+48734101908"], "+48734101908"),
        ("ES", ["+34 3 03 60 01 87", "+34303600187", "0303600187"], "+34303600187"),
        ("BG", ["+359697751224", "0697751224", "+359 69 775 1224"], "+359697751224"),
        ("FR", ["+33 7 66 54 57 39", "+33766545739", "0766545739"], "+33766545739"),
        ("IE", ["+353744390751", "0744390751", "+353 7 44 39 07 51"], "+353744390751"),
    ])
    func phoneFormsOfOnePersonAgree(country: String, forms: [String], e164: String) throws {
        let region = try Normalizer.country(country)
        for form in forms {
            #expect(try Normalizer.phone(form, defaultRegion: region) == e164, "\(form)")
        }
    }

    @Test func emailFormsOfOnePersonAgree() throws {
        let forms = [
            " Ekaterina.smirnova85@gmail.com ", "Ekaterina.smirnova85@gmail.com", "EKATERINA.SMIRNOVA85@GMAIL.COM",
        ]
        for form in forms { #expect(try Normalizer.email(form) == "ekaterina.smirnova85@gmail.com") }
    }

    @Test func birthDateFormsOfOnePersonAgree() throws {
        #expect(try Normalizer.birthDate("15.06.1973", now: referenceNow) == "1973-06-15")
        #expect(try Normalizer.birthDate("1973-06-15", now: referenceNow) == "1973-06-15")
        #expect(try Normalizer.birthDate("02.07.2003", now: referenceNow) == "2003-07-02")
    }

    @Test func namesOfTheDataSetAreKept() throws {
        for name in [
            "Римский-Корсаков", "Дем'яненко", "Мар'яна", "Артём", "Jean-Pierre", "D'Angelo", "María José",
            "Wiśniewska", "Groß-Hartmann", "Siobhán", "O'Sullivan", "Йорданка",
        ] {
            #expect(try Normalizer.name(name) == name)
        }
    }

    /// Every malformed value `--dirty 2` writes into an identifier or profile field.
    @Test func hostileValuesAreRejected() {
        for phone in ["12", "+7 (999) abc", "++++", "8800"] {
            for region in ["RU", "KZ", "UA", "BG", "DE", "FR", "PL", "ES", "IE"] {
                #expect(throws: NormalizationError.self) { try Normalizer.phone(phone, defaultRegion: region) }
            }
        }
        for email in ["not-an-email", "a@@b.c", "@mail.ru", "x@"] {
            #expect(throws: NormalizationError.self) { try Normalizer.email(email) }
        }
        for date in ["31.02.1990", "1990-13-01", "yesterday", "0000-00-00"] {
            #expect(throws: NormalizationError.self) { try Normalizer.birthDate(date, now: referenceNow) }
        }
        #expect(throws: NormalizationError.controlCharacter) { try Normalizer.name("Zofia\u{0}\u{7}") }
        #expect(throws: NormalizationError.controlCharacter) { try Normalizer.name("Kraków\nKraków") }
        #expect(throws: NormalizationError.tooLong(limit: 200)) {
            try Normalizer.name(String(repeating: "Z", count: 5000))
        }
        #expect(Timestamp.parseMilliseconds("not-a-time") == nil)
    }

    /// A household phone shared with a person of another country, written nationally, cannot be read in this
    /// row's region; it is rejected rather than guessed.
    @Test func foreignNationalFormsAreNotGuessed() {
        #expect(throws: NormalizationError.invalidPhone(.missingTrunkPrefix)) {
            try Normalizer.phone("89202173861", defaultRegion: "BG")
        }
        #expect(throws: NormalizationError.invalidPhone(.invalidLeadingDigit)) {
            try Normalizer.phone("0231687848", defaultRegion: "RU")
        }
    }
}
