/// A hand-written reader of ISO 8601 / RFC 3339 dates and date-times in UTF-8 bytes (no formatter, no allocation).
///
/// Date-time: `yyyy-mm-dd` + `T`, `t` or space + `hh:mm[:ss[.fraction]]` + `Z`, `z`, `±hh:mm`, `±hhmm` or `±hh`.
/// A fraction has 1–9 digits (`.` or `,`); digits past milliseconds are truncated. Second 60 (a leap second)
/// is read as the first second of the next minute.
enum ISO8601Grammar {
    /// The calendar date in `bytes[0..<10]` (`yyyy-mm-dd`), unchecked, or nil if the shape is wrong.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2)
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// The time of day and zone offset after the date (from byte 10, the separator), or nil.
    /// - Parameter requiresZone: whether a missing `Z`/offset makes the text invalid.
    static func time(
        _ bytes: UnsafeBufferPointer<UInt8>, requiresZone: Bool
    ) -> (millisecondOfDay: Int64, offsetSeconds: Int64)? {
        guard bytes.count >= 16 else { return nil }
        let separator = bytes[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " "),
            bytes[13] == UInt8(ascii: ":"), let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2),
            hour <= 23, minute <= 59
        else { return nil }
        var index = 16
        var second = 0
        var millisecond = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let value = number(bytes, index + 1, 2), value <= 60 else { return nil }
            second = value
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                var digits = 0
                while index < bytes.count, ASCII.isDigit(bytes[index]) {
                    if digits < 3 { millisecond = millisecond * 10 + Int(bytes[index] - 0x30) }
                    digits += 1
                    index += 1
                }
                guard digits >= 1, digits <= 9 else { return nil }
                for _ in digits..<max(digits, 3) { millisecond *= 10 }
            }
        }
        let time = Int64(((hour * 60 + minute) * 60 + second) * 1000 + millisecond)
        if index == bytes.count { return requiresZone ? nil : (time, 0) }
        guard let offset = zone(bytes, from: index) else { return nil }
        return (time, offset)
    }

    /// Milliseconds since 1970-01-01T00:00:00Z of a full date-time with zone, or nil.
    static func milliseconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let date = date(bytes), date.isValid, let (time, offset) = time(bytes, requiresZone: true) else {
            return nil
        }
        return Int64(date.daysSinceEpoch) * 86_400_000 + time - offset * 1000
    }

    /// The offset in seconds of the zone designator that fills `bytes[index...]`, or nil.
    private static func zone(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int64? {
        let sign = bytes[index]
        if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") { return index + 1 == bytes.count ? 0 : nil }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), let hours = number(bytes, index + 1, 2),
            hours <= 23
        else { return nil }
        var minutes = 0
        switch bytes.count - (index + 3) {
        case 0: break
        case 2:
            guard let value = number(bytes, index + 3, 2) else { return nil }
            minutes = value
        case 3:
            guard bytes[index + 3] == UInt8(ascii: ":"), let value = number(bytes, index + 4, 2) else { return nil }
            minutes = value
        default: return nil
        }
        guard minutes <= 59 else { return nil }
        let seconds = Int64((hours * 60 + minutes) * 60)
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }

    /// The decimal number in `bytes[start..<start + count]`, or nil unless all are digits.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<start + count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
