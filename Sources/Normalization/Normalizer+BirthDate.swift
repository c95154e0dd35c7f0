public import Foundation

extension Normalizer {
    /// The earliest year a date of birth may have.
    public static let earliestBirthYear = 1900

    /// The canonical `yyyy-mm-dd` form of a date of birth.
    ///
    /// Accepts `yyyy-mm-dd`, an ISO 8601 date-time (its date is taken as written, whatever the offset) and
    /// `dd.mm.yyyy` (day and month may have one digit). The date must exist, be in 1900 or later, and not be
    /// after `now`'s UTC date.
    public static func birthDate(_ text: String, now: Date) throws(NormalizationError) -> String {
        if text.utf8.count > Limit.date * 16 { throw .tooLong(limit: Limit.date) }
        let trimmed = try TrimmedText(text)
        if trimmed.text.isEmpty { throw .empty }
        if trimmed.text.unicodeScalars.count > Limit.date { throw .tooLong(limit: Limit.date) }
        guard trimmed.isASCII else { throw .invalidDate(.unrecognizedFormat) }
        var value = trimmed.text
        let parsed = value.withUTF8 { readDate($0) }
        guard let date = parsed else { throw .invalidDate(.unrecognizedFormat) }
        guard date.isValid else { throw .invalidDate(.notACalendarDate) }
        if date.year < earliestBirthYear { throw .invalidDate(.tooEarly) }
        let today = CivilDate(daysSinceEpoch: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
        if today < date { throw .invalidDate(.inFuture) }
        return date.iso
    }

    /// The date in `bytes` (`yyyy-mm-dd[time]` or `d.m.yyyy`), unchecked against the calendar, or nil.
    private static func readDate(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        if bytes.count >= 10, bytes[4] == UInt8(ascii: "-") {
            guard let date = ISO8601Grammar.date(bytes) else { return nil }
            if bytes.count > 10, ISO8601Grammar.time(bytes, requiresZone: false) == nil { return nil }
            return date
        }
        guard let firstDot = bytes.firstIndex(of: UInt8(ascii: ".")), firstDot == 1 || firstDot == 2,
            let secondDot = bytes[(firstDot + 1)...].firstIndex(of: UInt8(ascii: ".")),
            secondDot - firstDot == 2 || secondDot - firstDot == 3, bytes.count - secondDot == 5,
            let day = ISO8601Grammar.number(bytes, 0, firstDot),
            let month = ISO8601Grammar.number(bytes, firstDot + 1, secondDot - firstDot - 1),
            let year = ISO8601Grammar.number(bytes, secondDot + 1, 4)
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}
