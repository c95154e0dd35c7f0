/// A fast parser of ISO 8601 instants `yyyy-MM-ddTHH:mm:ss(.fraction)?(Z|±hh:mm)` (RFC 3339; `t` and
/// `z` also accepted) into milliseconds since 1970-01-01T00:00:00Z. The fraction has 1 to 9 digits
/// and is truncated to milliseconds. Impossible dates (February 30th), hours above 23, minutes or
/// seconds above 59 (no leap second) and offsets above 23:59 are rejected.
enum ISO8601Timestamp {
    /// The instant in `bytes[start..<end]`, or nil when it is not one.
    static func milliseconds(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int64? {
        guard end - start >= 20 else { return nil }
        var index = start
        func number(_ digits: Int) -> Int? {
            guard end - index >= digits else { return nil }
            var value = 0
            for _ in 0..<digits {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
                index += 1
            }
            return value
        }
        func separator(_ allowed: UInt8, _ alternative: UInt8? = nil) -> Bool {
            guard index < end, bytes[index] == allowed || bytes[index] == alternative else { return false }
            index += 1
            return true
        }
        guard let year = number(4), separator(UInt8(ascii: "-")), let month = number(2),
            separator(UInt8(ascii: "-")), let day = number(2), separator(UInt8(ascii: "T"), UInt8(ascii: "t")),
            let hour = number(2), separator(UInt8(ascii: ":")), let minute = number(2),
            separator(UInt8(ascii: ":")), let second = number(2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(month, year: year), hour < 24, minute < 60,
            second < 60
        else { return nil }
        var millisecond = 0
        if separator(UInt8(ascii: ".")) {
            var digits = 0
            while index < end, bytes[index] &- UInt8(ascii: "0") < 10 {
                if digits < 3 { millisecond = millisecond * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
                digits += 1
                index += 1
            }
            guard (1...9).contains(digits) else { return nil }
            if digits < 3 { for _ in digits..<3 { millisecond *= 10 } }
        }
        var offsetMinutes = 0
        if separator(UInt8(ascii: "Z"), UInt8(ascii: "z")) {
            offsetMinutes = 0
        } else if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let hours = number(2), separator(UInt8(ascii: ":")), let minutes = number(2), hours < 24,
                minutes < 60
            else { return nil }
            offsetMinutes = sign * (hours * 60 + minutes)
        } else {
            return nil
        }
        guard index == end else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60
        return Int64(seconds) * 1_000 + Int64(millisecond)
    }

    /// The instant `text` names, or nil.
    static func milliseconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { milliseconds($0, from: 0, to: $0.count) }
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
