/// Turns ISO 8601 text and epoch milliseconds into short UTC text ("2026-11-01 12:00 UTC"), with no locale or
/// time zone of the machine involved.
enum ReportTime {
    /// An instant parsed from ISO 8601 text.
    struct Instant: Comparable, Sendable {
        /// Seconds since the epoch, in UTC.
        let seconds: Int64
        /// True when the text had no time of day (a plain date).
        let isDateOnly: Bool

        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.seconds < rhs.seconds }
    }

    /// `iso` as "YYYY-MM-DD HH:MM UTC" (or "YYYY-MM-DD" for a plain date); text that is not ISO 8601 is
    /// returned unchanged, and the empty string stays empty.
    static func format(iso: String) -> String {
        guard let instant = parse(iso) else { return iso }
        if instant.isDateOnly { return CivilDate(daysSinceEpoch: floorDivide(instant.seconds, 86_400)).isoText }
        return format(seconds: instant.seconds)
    }

    /// Milliseconds since the epoch as "YYYY-MM-DD HH:MM UTC".
    static func format(milliseconds: Int64) -> String {
        format(seconds: floorDivide(milliseconds, 1000))
    }

    /// The day (since 1970-01-01, UTC) of a time in milliseconds since the epoch.
    static func day(milliseconds: Int64) -> Int64 {
        floorDivide(milliseconds, 86_400_000)
    }

    /// Seconds since the epoch as "YYYY-MM-DD HH:MM UTC".
    static func format(seconds: Int64) -> String {
        let days = floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        return
            "\(date.isoText) \(CivilDate.pad(secondOfDay / 3600, 2)):\(CivilDate.pad(secondOfDay % 3600 / 60, 2)) UTC"
    }

    /// Parses `YYYY-MM-DD`, optionally followed by `T` or a space, `HH:MM[:SS[.fraction]]` and `Z`, `±HH`,
    /// `±HHMM` or `±HH:MM` (no zone means UTC). Returns nil for anything else.
    static func parse(_ text: String) -> Instant? {
        var reader = DigitReader(Array(text.utf8))
        guard let year = reader.number(4), reader.skip("-"), let month = reader.number(2), reader.skip("-"),
            let day = reader.number(2)
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        let midnight = date.daysSinceEpoch * 86_400
        if reader.isAtEnd { return Instant(seconds: midnight, isDateOnly: true) }
        guard reader.skip("T") || reader.skip("t") || reader.skip(" "), let hour = reader.number(2), hour < 24,
            reader.skip(":"), let minute = reader.number(2), minute < 60
        else { return nil }
        var second: Int64 = 0
        if reader.skip(":") {
            guard let value = reader.number(2), value <= 60 else { return nil }
            second = value
            if reader.skip(".") || reader.skip(",") {
                guard reader.skipDigits() else { return nil }
            }
        }
        var offset: Int64 = 0
        if reader.skip("Z") || reader.skip("z") {
        } else if let sign: Int64 = reader.skip("+") ? 1 : reader.skip("-") ? -1 : nil {
            guard let hours = reader.number(2), hours <= 23 else { return nil }
            var minutes: Int64 = 0
            if !reader.isAtEnd {
                _ = reader.skip(":")
                guard let value = reader.number(2), value < 60 else { return nil }
                minutes = value
            }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard reader.isAtEnd else { return nil }
        return Instant(seconds: midnight + hour * 3600 + minute * 60 + second - offset, isDateOnly: false)
    }

    /// Division rounding toward negative infinity.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }
}

/// Reads fixed-width ASCII numbers and separators from UTF-8 bytes.
private struct DigitReader {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    /// Exactly `width` digits as a number, or nil (and nothing consumed).
    mutating func number(_ width: Int) -> Int64? {
        guard position + width <= bytes.count else { return nil }
        var value: Int64 = 0
        for byte in bytes[position..<position + width] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        position += width
        return value
    }

    /// Consumes `character` if it is next.
    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    /// Consumes one or more digits; false if there was none.
    mutating func skipDigits() -> Bool {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            position += 1
        }
        return position > start
    }
}
