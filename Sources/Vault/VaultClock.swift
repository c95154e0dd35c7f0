import Foundation

/// The vault's source of time (injected, so deadlines, retention and windows are testable).
/// Times are milliseconds since the Unix epoch, UTC.
public protocol VaultClock: Sendable {
    /// The current time in milliseconds since the epoch.
    func now() -> Int64
}

/// The system's clock.
public struct SystemClock: VaultClock {
    /// Creates the system clock.
    public init() {}
    public func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}

/// A clock fixed at one instant (tests and `TRESOR_NOW` on a test-clock vault).
public struct FixedClock: VaultClock {
    /// The instant, in milliseconds since the epoch.
    public let instant: Int64
    /// Creates a clock that always reads `instant`.
    public init(_ instant: Int64) { self.instant = instant }
    public func now() -> Int64 { instant }
}

/// Milliseconds since the epoch <-> ISO 8601 text.
public enum VaultTime {
    /// Formats milliseconds as `yyyy-MM-ddTHH:mm:ss.SSSZ`.
    public static func iso8601(_ milliseconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        return formatter.string(from: date)
    }

    /// Parses an ISO 8601 timestamp (with or without fractional seconds) or a `yyyy-MM-dd` date.
    public static func parse(_ text: String) -> Int64? {
        // A plain date (a stored birth date) is read without the formatters, which cost tens of
        // microseconds per call; the result is the same midnight UTC.
        if let day = dayMilliseconds(text) { return day }
        if let date = formatter.date(from: text) ?? plainFormatter.date(from: text) ?? dayFormatter.date(from: text) {
            return Int64((date.timeIntervalSince1970 * 1000).rounded())
        }
        return nil
    }

    /// Midnight UTC of a `yyyy-MM-dd` date from 1600 on, or nil for anything else (which the
    /// formatters then read: ICU's calendar is Julian before 1582, so old dates go to it).
    static func dayMilliseconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { bytes -> Int64? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) &- 48
                    guard digit >= 0 && digit <= 9 else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), year >= 1600,
                month >= 1, month <= 12, day >= 1
            else { return nil }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let length = month == 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].contains(month) ? 30 : 31
            guard day <= length else { return nil }
            // Howard Hinnant's days_from_civil (years from 1600 on are positive).
            let y = month <= 2 ? year - 1 : year
            let era = y / 400
            let yearOfEra = y - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return Int64(era * 146_097 + dayOfEra - 719_468) * Self.day
        }
    }

    /// Milliseconds in one day.
    public static let day: Int64 = 86_400_000

    nonisolated(unsafe) private static let formatter: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()
    nonisolated(unsafe) private static let plainFormatter: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f
    }()
    nonisolated(unsafe) private static let dayFormatter: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        return f
    }()
}
