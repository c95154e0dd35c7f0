public import Foundation

/// How long a controller has to answer a data-subject request, and by how much it may extend that time.
public struct RequestDeadline: Sendable, Hashable {
    /// The unit of `amount` and `extensionAmount`.
    public let unit: DeadlineUnit
    /// The time to answer, in `unit`.
    public let amount: Int
    /// The further time allowed when the controller extends the deadline (with a reasoned notice), in `unit`.
    public let extensionAmount: Int

    /// Creates a deadline.
    public init(unit: DeadlineUnit, amount: Int, extensionAmount: Int) {
        self.unit = unit
        self.amount = amount
        self.extensionAmount = extensionAmount
    }

    /// A Gregorian calendar in UTC, the default for deadline arithmetic.
    public static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The instant a request received at `received` must be answered by.
    ///
    /// Working days skip Saturdays, Sundays and the holidays of `holidays` (and count the
    /// weekend days it marks as worked).
    public func dueDate(
        receivedAt received: Date, calendar: Calendar = utcCalendar, holidays: HolidayCalendar = .weekendsOnly
    ) -> Date {
        Self.advance(received, by: amount, unit: unit, calendar: calendar, holidays: holidays)
    }

    /// The instant the answer is due when the controller uses the extension.
    public func extendedDueDate(
        receivedAt received: Date, calendar: Calendar = utcCalendar, holidays: HolidayCalendar = .weekendsOnly
    ) -> Date {
        Self.advance(received, by: amount + extensionAmount, unit: unit, calendar: calendar, holidays: holidays)
    }

    private static func advance(
        _ date: Date, by count: Int, unit: DeadlineUnit, calendar: Calendar, holidays: HolidayCalendar
    ) -> Date {
        switch unit {
        case .calendarMonths:
            return calendar.date(byAdding: .month, value: count, to: date) ?? date
        case .calendarDays:
            return calendar.date(byAdding: .day, value: count, to: date) ?? date
        case .workingDays:
            var current = date
            var remaining = count
            while remaining > 0 {
                guard let next = calendar.date(byAdding: .day, value: 1, to: current) else { return current }
                current = next
                if holidays.isWorkingDay(current, calendar: calendar) { remaining -= 1 }
            }
            return current
        }
    }
}
