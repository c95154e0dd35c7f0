/// A proleptic Gregorian calendar date, with the day arithmetic the parsers need.
struct CivilDate: Hashable, Comparable, Sendable {
    /// The year (0–9999 in practice).
    let year: Int
    /// The month, 1–12 when valid.
    let month: Int
    /// The day of the month, 1–31 when valid.
    let day: Int

    /// Whether the month and day exist in that year.
    var isValid: Bool {
        month >= 1 && month <= 12 && day >= 1 && day <= Self.daysIn(month: month, year: year)
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `yyyy-mm-dd`.
    var iso: String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            buffer[0] = UInt8(truncatingIfNeeded: year / 1000 % 10) + 0x30
            buffer[1] = UInt8(truncatingIfNeeded: year / 100 % 10) + 0x30
            buffer[2] = UInt8(truncatingIfNeeded: year / 10 % 10) + 0x30
            buffer[3] = UInt8(truncatingIfNeeded: year % 10) + 0x30
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = UInt8(truncatingIfNeeded: month / 10) + 0x30
            buffer[6] = UInt8(truncatingIfNeeded: month % 10) + 0x30
            buffer[7] = UInt8(ascii: "-")
            buffer[8] = UInt8(truncatingIfNeeded: day / 10) + 0x30
            buffer[9] = UInt8(truncatingIfNeeded: day % 10) + 0x30
            return 10
        }
    }

    /// A date from its parts (not checked; see `isValid`).
    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01, by Howard Hinnant's `civil_from_days`.
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Whether `year` is a Gregorian leap year.
    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` of `year`.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Orders dates chronologically.
    static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
