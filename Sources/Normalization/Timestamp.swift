public import Foundation

/// Fast ISO 8601 / RFC 3339 timestamps (`2026-10-31T23:59:59.123Z`, `…+03:00`), without Foundation formatters.
///
/// A timestamp needs a date, a time (seconds and fraction optional) and a zone (`Z` or an offset);
/// anything else, including surrounding whitespace, gives nil.
public enum Timestamp {
    /// Milliseconds since 1970-01-01T00:00:00Z, or nil when `text` is not a timestamp.
    public static func parseMilliseconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { ISO8601Grammar.milliseconds($0) }
    }

    /// Milliseconds since 1970-01-01T00:00:00Z, or nil when `text` is not a timestamp.
    public static func parseMilliseconds(_ text: Substring) -> Int64? {
        var text = text
        return text.withUTF8 { ISO8601Grammar.milliseconds($0) }
    }

    /// Milliseconds since 1970-01-01T00:00:00Z of the timestamp in UTF-8 `bytes`, or nil.
    public static func parseMilliseconds(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        ISO8601Grammar.milliseconds(bytes)
    }

    /// The instant `text` names, or nil when it is not a timestamp.
    public static func parse(_ text: String) -> Date? {
        parseMilliseconds(text).map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }

    /// The UTC day `yyyy-mm-dd` of `milliseconds` since the epoch (the first ten characters of `string`).
    public static func dayString(milliseconds: Int64) -> String {
        CivilDate(daysSinceEpoch: Int(milliseconds.floorDividedBy(86_400_000).quotient)).iso
    }

    /// The canonical form `yyyy-mm-ddThh:mm:ss.SSSZ` (UTC) of `milliseconds` since the epoch.
    public static func string(milliseconds: Int64) -> String {
        let (days, millisecondOfDay) = milliseconds.floorDividedBy(86_400_000)
        let date = CivilDate(daysSinceEpoch: Int(days))
        let time = Int(millisecondOfDay)
        let fields = [time / 3_600_000, time / 60_000 % 60, time / 1000 % 60]
        var text = date.iso
        text.append("T")
        for (index, value) in fields.enumerated() {
            if index > 0 { text.append(":") }
            text.append(value < 10 ? "0\(value)" : "\(value)")
        }
        let millisecond = time % 1000
        text.append(
            millisecond < 10 ? ".00\(millisecond)Z" : millisecond < 100 ? ".0\(millisecond)Z" : ".\(millisecond)Z")
        return text
    }
}

extension Int64 {
    /// Quotient rounded down and the non-negative remainder.
    fileprivate func floorDividedBy(_ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = self % divisor
        return remainder < 0 ? (self / divisor - 1, remainder + divisor) : (self / divisor, remainder)
    }
}
