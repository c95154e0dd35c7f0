import Foundation
import Testing

@testable import Vault

/// `VaultTime.parse` reads plain dates without Foundation's formatters; the result must be the one
/// the formatter gives.
@Suite struct VaultTimeTests {
    static func dayFormatter() -> ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        return f
    }

    @Test func plainDatesMatchTheFormatter() throws {
        let formatter = Self.dayFormatter()
        var day = Int64(-200 * 365) * VaultTime.day  // from about 1770
        let end = Int64(130 * 365) * VaultTime.day  // to about 2100
        while day < end {
            let text = String(VaultTime.iso8601(day).prefix(10))
            let expected = try #require(formatter.date(from: text))
            #expect(VaultTime.parse(text) == Int64((expected.timeIntervalSince1970 * 1000).rounded()), "\(text)")
            day += 7 * VaultTime.day + 3_600_000
            day -= day % VaultTime.day
        }
    }

    @Test func invalidOrOldDatesAreLeftToTheFormatter() {
        #expect(VaultTime.dayMilliseconds("2023-02-29") == nil)
        #expect(VaultTime.dayMilliseconds("2024-02-29") != nil)
        #expect(VaultTime.dayMilliseconds("2024-13-01") == nil)
        #expect(VaultTime.dayMilliseconds("2024-04-31") == nil)
        #expect(VaultTime.dayMilliseconds("1500-01-01") == nil)
        #expect(VaultTime.dayMilliseconds("2024-1-011") == nil)
        #expect(VaultTime.dayMilliseconds("2024-01-01T00:00:00Z") == nil)
        #expect(VaultTime.parse("2024-01-01T00:00:00Z") == VaultTime.parse("2024-01-01"))
        #expect(
            VaultTime.parse("2023-02-29")
                == Self.dayFormatter().date(from: "2023-02-29").map {
                    Int64(($0.timeIntervalSince1970 * 1000).rounded())
                })
    }
}
