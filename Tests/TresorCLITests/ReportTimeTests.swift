import Testing

@testable import TresorCLI

@Suite struct ReportTimeTests {
    @Test(arguments: [
        ("2026-11-01T12:00:00Z", "2026-11-01 12:00 UTC"),
        ("2026-11-01T12:00Z", "2026-11-01 12:00 UTC"),
        ("2026-11-01T12:00:59.999999Z", "2026-11-01 12:00 UTC"),
        ("2026-11-01 15:30:00+03:00", "2026-11-01 12:30 UTC"),
        ("2026-11-01T01:30:00+0300", "2026-10-31 22:30 UTC"),
        ("2026-12-31T22:00:00-05:00", "2027-01-01 03:00 UTC"),
        ("2026-11-01T12:00:00", "2026-11-01 12:00 UTC"),
        ("2024-02-29", "2024-02-29"),
        ("2026-02-29", "2026-02-29"),
        ("yesterday", "yesterday"),
        ("", ""),
        ("2026-11-01T25:00:00Z", "2026-11-01T25:00:00Z"),
    ])
    func formatsISOTextAsUTC(iso: String, expected: String) {
        #expect(ReportTime.format(iso: iso) == expected)
    }

    @Test func formatsMillisecondsIncludingBeforeTheEpoch() {
        #expect(ReportTime.format(milliseconds: 0) == "1970-01-01 00:00 UTC")
        #expect(ReportTime.format(milliseconds: 1_788_220_800_000) == "2026-09-01 00:00 UTC")
        #expect(ReportTime.format(milliseconds: -1) == "1969-12-31 23:59 UTC")
        #expect(ReportTime.day(milliseconds: -1) == -1)
    }

    @Test func civilDatesRoundTripAcrossCenturies() {
        for day in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let date = CivilDate(daysSinceEpoch: day)
            #expect(date.isValid)
            #expect(date.daysSinceEpoch == day)
        }
        #expect(CivilDate(daysSinceEpoch: 0).isoText == "1970-01-01")
        #expect(CivilDate(year: 2000, month: 2, day: 29).isValid)
        #expect(!CivilDate(year: 1900, month: 2, day: 29).isValid)
    }

    @Test func parsedInstantsOrderAcrossTimeZones() throws {
        // 14:00 in Moscow is 11:00 UTC: earlier than 11:30 UTC although its text sorts later.
        let moscow = try #require(ReportTime.parse("2026-11-01T14:00:00+03:00"))
        let utc = try #require(ReportTime.parse("2026-11-01T11:30:00Z"))
        #expect(moscow < utc)
        #expect(utc.seconds - moscow.seconds == 1800)
    }
}
