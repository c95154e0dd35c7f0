import Foundation
import Testing

@testable import Unification

@Suite("ISO 8601 timestamps")
struct ParsingTestsTimestamp {
    @Test(
        "valid instants, with fractions and offsets, become epoch milliseconds",
        arguments: [
            ("1970-01-01T00:00:00Z", 0),
            ("2026-03-26T14:09:31.742Z", 1_774_534_171_742),
            ("2026-03-26T14:09:31Z", 1_774_534_171_000),
            ("2026-03-26T14:09:31.7Z", 1_774_534_171_700),
            ("2026-03-26T14:09:31.74Z", 1_774_534_171_740),
            ("2026-03-26T14:09:31.742999999Z", 1_774_534_171_742),
            ("2026-03-26T17:09:31.742+03:00", 1_774_534_171_742),
            ("2026-03-26T08:39:31.742-05:30", 1_774_534_171_742),
            ("2026-03-26t14:09:31.742z", 1_774_534_171_742),
            ("2024-02-29T23:59:59.999Z", 1_709_251_199_999),
            ("2000-02-29T00:00:00+00:00", 951_782_400_000),
            ("1969-12-31T23:59:59.999Z", -1),
            ("1900-01-01T00:00:00Z", -2_208_988_800_000),
        ] as [(String, Int64)])
    func valid(text: String, milliseconds: Int64) {
        #expect(ISO8601Timestamp.milliseconds(text) == milliseconds)
    }

    @Test(
        "invalid or impossible instants are rejected",
        arguments: [
            "", "not-a-time", "2026-03-26", "2026-03-26T14:09:31", "2026-03-26 14:09:31Z", "2026-03-26T14:09Z",
            "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-00-10T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z",
            "2026-01-01T00:00:60Z", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00.1234567890Z",
            "2026-01-01T00:00:00+0300", "2026-01-01T00:00:00+24:00", "2026-01-01T00:00:00+03:60",
            "2026-01-01T00:00:00Zjunk", "26-01-01T00:00:00Z", "2026-1-01T00:00:00Z", "+2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00+03", "２０２６-01-01T00:00:00Z",
        ])
    func invalid(text: String) {
        #expect(ISO8601Timestamp.milliseconds(text) == nil)
    }

    @Test("agrees with Foundation's ISO8601DateFormatter on 2,000 generated instants")
    func agreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var generator = ParsingSplitMix64(seed: 20_261_101)
        for _ in 0..<2_000 {
            let milliseconds = Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &generator)
            let offsetMinutes = Int.random(in: -14 * 4...14 * 4, using: &generator) * 15
            formatter.timeZone = TimeZone(secondsFromGMT: offsetMinutes * 60)
            let text = formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            #expect(ISO8601Timestamp.milliseconds(text) == milliseconds, "\(text)")
        }
    }
}

/// A small deterministic random number generator (SplitMix64), so that generated tests repeat.
struct ParsingSplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
