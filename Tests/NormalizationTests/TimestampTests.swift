import Foundation
import Normalization
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("1970-01-01T00:00:00.001Z", 1),
        ("1969-12-31T23:59:59.999Z", -1),
        ("2026-11-01T00:00:00.000Z", 1_793_491_200_000),
        ("2026-10-31T23:59:59.999Z", 1_793_491_199_999),
        ("2026-03-05T12:34:56.789Z", 1_772_714_096_789),
        ("2026-11-01T03:00:00+03:00", 1_793_491_200_000),
        ("2026-11-01T03:00:00+0300", 1_793_491_200_000),
        ("2026-11-01T03:00:00+03", 1_793_491_200_000),
        ("2026-10-31T18:30:00-05:30", 1_793_491_200_000),
        ("2026-11-01T00:00:00-00:00", 1_793_491_200_000),
        ("2026-11-01t00:00:00z", 1_793_491_200_000),
        ("2026-11-01 00:00:00Z", 1_793_491_200_000),
        ("2026-11-01T00:00Z", 1_793_491_200_000),
        ("2026-11-01T00:00:00.5Z", 1_793_491_200_500),
        ("2026-11-01T00:00:00.05Z", 1_793_491_200_050),
        ("2026-11-01T00:00:00,25Z", 1_793_491_200_250),
        ("2026-11-01T00:00:00.123456Z", 1_793_491_200_123),
        ("2026-11-01T00:00:00.999999999Z", 1_793_491_200_999),
        ("1990-05-01T00:00:00Z", 641_520_000_000),
        ("2000-02-29T12:00:00Z", 951_825_600_000),
        ("2016-12-31T23:59:60Z", 1_483_228_800_000),
        ("1600-03-01T00:00:00Z", -11_670_912_000_000),
    ])
    func parses(text: String, milliseconds: Int64) {
        #expect(Timestamp.parseMilliseconds(text) == milliseconds)
        #expect(Timestamp.parseMilliseconds(Substring("[" + text + "]").dropFirst().dropLast()) == milliseconds)
        #expect(Timestamp.parse(text) == Date(timeIntervalSince1970: Double(milliseconds) / 1000))
        var bytes = Array(text.utf8)
        #expect(
            bytes.withUnsafeMutableBufferPointer { Timestamp.parseMilliseconds(utf8: UnsafeBufferPointer($0)) }
                == milliseconds)
    }

    @Test(arguments: [
        "", "not-a-time", "2026-11-01", "2026-11-01T00:00:00", "2026-11-01T00:00:00.000", " 2026-11-01T00:00:00Z",
        "2026-11-01T00:00:00Z ", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-01T24:00:00Z",
        "2026-11-01T00:60:00Z", "2026-11-01T00:00:61Z", "2026-11-01T00:00:00+24:00", "2026-11-01T00:00:00+03:60",
        "2026-11-01T00:00:00+03:0", "2026-11-01T00:00:00+3", "2026-11-01T00:00:00.Z", "2026-11-01T00:00:00.1234567890Z",
        "2026-11-01X00:00:00Z", "2026-11-01T0:00:00Z", "26-11-01T00:00:00Z", "2026-11-01T00:00:00ZZ",
        "2026-11-01T00:00:00 Z", "２０２６-11-01T00:00:00Z", "2026-11-01T00:00:00UTC",
    ])
    func rejects(text: String) {
        #expect(Timestamp.parseMilliseconds(text) == nil)
        #expect(Timestamp.parse(text) == nil)
    }

    @Test(arguments: [Int64(0), -1, 1_793_491_199_999, 951_825_600_000, -11_670_912_000_000, 253_402_300_799_999])
    func formatsAndParsesBack(milliseconds: Int64) {
        let text = Timestamp.string(milliseconds: milliseconds)
        #expect(text.utf8.count == 24)
        #expect(Timestamp.parseMilliseconds(text) == milliseconds)
    }

    @Test func formatsCanonically() {
        #expect(Timestamp.string(milliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.string(milliseconds: -1) == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp.string(milliseconds: 1_772_714_096_789) == "2026-03-05T12:34:56.789Z")
        #expect(Timestamp.string(milliseconds: 1_772_714_096_009) == "2026-03-05T12:34:56.009Z")
    }

    @Test func dayStringIsTheDateOfTheCanonicalForm() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for milliseconds: Int64 in [0, -1, 86_399_999, 86_400_000, -86_400_000, 1_772_714_096_789] {
            #expect(
                Timestamp.dayString(milliseconds: milliseconds)
                    == String(Timestamp.string(milliseconds: milliseconds).prefix(10)))
        }
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let milliseconds = Int64(state >> 24) % 4_000_000_000_000 - 1_000_000_000_000
            #expect(
                Timestamp.dayString(milliseconds: milliseconds)
                    == String(Timestamp.string(milliseconds: milliseconds).prefix(10)))
        }
    }

    /// Agrees with Foundation's formatter over a spread of instants and offsets.
    @Test func agreesWithISO8601DateFormatter() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<500 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let milliseconds = Int64(state >> 24) % 4_000_000_000_000 - 1_000_000_000_000
            let offsetMinutes = Int(state % 1_681) - 840
            formatter.timeZone = TimeZone(secondsFromGMT: offsetMinutes * 60)
            let text = formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            #expect(Timestamp.parseMilliseconds(text) == milliseconds, "\(text)")
        }
    }
}
