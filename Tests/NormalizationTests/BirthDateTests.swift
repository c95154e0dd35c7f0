import Foundation
import Normalization
import Testing

@Suite struct BirthDateTests {
    @Test(arguments: [
        ("1983-05-20", "1983-05-20"),
        ("15.06.1973", "1973-06-15"),
        ("5.6.1973", "1973-06-05"),
        ("05.6.1973", "1973-06-05"),
        (" 1973-06-15\u{A0}", "1973-06-15"),
        ("1973-06-15T00:00:00Z", "1973-06-15"),
        ("1973-06-15T23:30:00.000-05:00", "1973-06-15"),
        ("1973-06-15T02:00:00+03:00", "1973-06-15"),
        ("1973-06-15 10:00", "1973-06-15"),
        ("2000-02-29", "2000-02-29"),
        ("29.02.2000", "2000-02-29"),
        ("1900-01-01", "1900-01-01"),
        ("31.12.1999", "1999-12-31"),
        ("2026-11-01", "2026-11-01"),
    ])
    func canonical(input: String, expected: String) throws {
        #expect(try Normalizer.birthDate(input, now: referenceNow) == expected)
    }

    @Test(arguments: [
        ("31.02.1990", NormalizationError.invalidDate(.notACalendarDate)),
        ("31.02.2000", .invalidDate(.notACalendarDate)),
        ("1990-13-01", .invalidDate(.notACalendarDate)),
        ("2000-13-01", .invalidDate(.notACalendarDate)),
        ("0000-00-00", .invalidDate(.notACalendarDate)),
        ("1990-00-10", .invalidDate(.notACalendarDate)),
        ("1990-04-31", .invalidDate(.notACalendarDate)),
        ("29.02.1900", .invalidDate(.notACalendarDate)),
        ("2001-02-29", .invalidDate(.notACalendarDate)),
        ("00.01.1990", .invalidDate(.notACalendarDate)),
        ("1899-12-31", .invalidDate(.tooEarly)),
        ("0001-01-01", .invalidDate(.tooEarly)),
        ("2026-11-02", .invalidDate(.inFuture)),
        ("01.01.2027", .invalidDate(.inFuture)),
        ("9999-12-31", .invalidDate(.inFuture)),
        ("yesterday", .invalidDate(.unrecognizedFormat)),
        ("1990/05/01", .invalidDate(.unrecognizedFormat)),
        ("05/01/1990", .invalidDate(.unrecognizedFormat)),
        ("1990-5-1", .invalidDate(.unrecognizedFormat)),
        ("19900501", .invalidDate(.unrecognizedFormat)),
        ("1.1.90", .invalidDate(.unrecognizedFormat)),
        ("001.01.1990", .invalidDate(.unrecognizedFormat)),
        ("01.01.1990.", .invalidDate(.unrecognizedFormat)),
        ("1990-05-01T25:00:00Z", .invalidDate(.unrecognizedFormat)),
        ("1990-05-01Tgarbage", .invalidDate(.unrecognizedFormat)),
        ("1990-05-01x", .invalidDate(.unrecognizedFormat)),
        ("+1990-05-01", .invalidDate(.unrecognizedFormat)),
        ("١٩٩٠-٠٥-٠١", .invalidDate(.unrecognizedFormat)),
        ("", .empty),
        ("  ", .empty),
        ("1990-05-01\n", .controlCharacter),
        ("1990\u{0}-05-01", .controlCharacter),
        (String(repeating: "1", count: 65), .tooLong(limit: 64)),
    ])
    func rejects(input: String, expected: NormalizationError) {
        expectFailure(input, expected) { try Normalizer.birthDate($0, now: referenceNow) }
    }

    @Test func futureIsRelativeToTheInjectedNowInUTC() throws {
        let lateOnOctober31 = Date(timeIntervalSince1970: 1_793_491_199)  // 2026-10-31T23:59:59Z
        #expect(try Normalizer.birthDate("2026-10-31", now: lateOnOctober31) == "2026-10-31")
        expectFailure("2026-11-01", .invalidDate(.inFuture)) { try Normalizer.birthDate($0, now: lateOnOctober31) }
        let in1960 = Date(timeIntervalSince1970: -315_619_200)  // 1960-01-01T00:00:00Z
        #expect(try Normalizer.birthDate("31.12.1959", now: in1960) == "1959-12-31")
        expectFailure("1960-01-02", .invalidDate(.inFuture)) { try Normalizer.birthDate($0, now: in1960) }
    }
}
