/// Groups UTC days into chart columns: days for up to about two months, then ISO weeks (from Monday), months,
/// and years, so a chart never has more than about 72 columns.
enum TimeBucketing: Sendable {
    case day, week, month, year

    /// The coarsest grouping that keeps the days from `first` to `last` readable.
    init(firstDay first: Int64, lastDay last: Int64) {
        let days = last - first + 1
        if days <= 62 {
            self = .day
        } else if days <= 60 * 7 {
            self = .week
        } else if days <= 72 * 30 {
            self = .month
        } else {
            self = .year
        }
    }

    /// The noun for the chart title ("day", "week"...).
    var noun: String {
        switch self {
        case .day: "day"
        case .week: "week"
        case .month: "month"
        case .year: "year"
        }
    }

    /// The heading of the period column of a data table.
    var columnTitle: String {
        switch self {
        case .day: "Day"
        case .week: "Week"
        case .month: "Month"
        case .year: "Year"
        }
    }

    /// The bucket of `day` (days since 1970-01-01); consecutive buckets have consecutive keys.
    func key(ofDay day: Int64) -> Int64 {
        switch self {
        case .day: return day
        case .week: return ReportTime.floorDivide(day + 3, 7)
        case .month:
            let date = CivilDate(daysSinceEpoch: day)
            return date.year * 12 + date.month - 1
        case .year: return CivilDate(daysSinceEpoch: day).year
        }
    }

    /// A short axis label and a full name for bucket `key`.
    func labels(ofKey key: Int64) -> (short: String, full: String) {
        switch self {
        case .day:
            let date = CivilDate(daysSinceEpoch: key)
            return (String(date.isoText.dropFirst(5)), date.isoText)
        case .week:
            let monday = CivilDate(daysSinceEpoch: key * 7 - 3)
            return (String(monday.isoText.dropFirst(5)), "week of \(monday.isoText)")
        case .month:
            let year = ReportTime.floorDivide(key, 12)
            let text = "\(CivilDate.pad(year, 4))-\(CivilDate.pad(key - year * 12 + 1, 2))"
            return (text, text)
        case .year:
            return (String(key), String(key))
        }
    }
}
