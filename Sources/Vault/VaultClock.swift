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
        if let date = formatter.date(from: text) ?? plainFormatter.date(from: text) ?? dayFormatter.date(from: text) {
            return Int64((date.timeIntervalSince1970 * 1000).rounded())
        }
        return nil
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
