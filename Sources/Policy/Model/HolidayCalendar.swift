public import Foundation

/// Public holidays and transferred working days of one regime, for counting working days
/// (152-FZ deadlines are in working days; Russian holidays come from `Policies/holidays-ru.json`).
public struct HolidayCalendar: Sendable, Hashable {
    /// Days that are not worked although they fall on Monday–Friday (`yyyy-MM-dd`).
    public let holidays: Set<String>
    /// Saturdays or Sundays that are worked because a holiday was transferred (`yyyy-MM-dd`).
    public let workingWeekendDays: Set<String>
    /// The years the data covers; counting outside them falls back to weekends only.
    public let years: ClosedRange<Int>?

    /// A calendar with no holidays: only Saturdays and Sundays are off.
    public static let weekendsOnly = HolidayCalendar(holidays: [], workingWeekendDays: [], years: nil)

    /// Creates a calendar.
    public init(holidays: Set<String>, workingWeekendDays: Set<String>, years: ClosedRange<Int>?) {
        self.holidays = holidays
        self.workingWeekendDays = workingWeekendDays
        self.years = years
    }

    /// Loads `{"years": [2025, 2027], "holidays": ["2026-01-01", ...], "workingWeekendDays": [...]}`.
    /// - Throws: `PolicyError` naming the file and JSON path of a bad entry.
    public static func load(contentsOf url: URL) throws(PolicyError) -> HolidayCalendar {
        let name = url.lastPathComponent
        func problem(_ path: String, _ message: String) -> PolicyError {
            PolicyError(fileName: name, issues: [PolicyIssue(code: .invalidValue, path: path, message: message)])
        }
        guard let data = FileManager.default.contents(atPath: url.path),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { throw problem("$", "not a JSON object") }
        var holidays: Set<String> = []
        var working: Set<String> = []
        for (key, target) in [("holidays", 0), ("workingWeekendDays", 1)] {
            guard let list = object[key] as? [String] else {
                if key == "workingWeekendDays" && object[key] == nil { continue }
                throw problem("$.\(key)", "must be a list of yyyy-MM-dd dates")
            }
            for (index, day) in list.enumerated() {
                guard Self.parse(day) != nil else { throw problem("$.\(key)[\(index)]", "not a yyyy-MM-dd date") }
                if target == 0 { holidays.insert(day) } else { working.insert(day) }
            }
        }
        var years: ClosedRange<Int>?
        if let range = object["years"] as? [Int], range.count == 2, range[0] <= range[1] { years = range[0]...range[1] }
        return HolidayCalendar(holidays: holidays, workingWeekendDays: working, years: years)
    }

    /// True when `date` (a day of `calendar`) is a working day.
    public func isWorkingDay(_ date: Date, calendar: Calendar) -> Bool {
        let components = calendar.dateComponents([.year, .month, .day], from: date)
        let key = String(format: "%04d-%02d-%02d", components.year ?? 0, components.month ?? 0, components.day ?? 0)
        if workingWeekendDays.contains(key) { return true }
        if holidays.contains(key) { return false }
        return !calendar.isDateInWeekend(date)
    }

    static func parse(_ day: String) -> Date? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, day.count == 10 else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        guard let date = RequestDeadline.utcCalendar.date(from: components),
            RequestDeadline.utcCalendar.component(.day, from: date) == parts[2]
        else { return nil }
        return date
    }
}
