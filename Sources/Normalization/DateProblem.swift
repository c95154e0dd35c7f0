extension NormalizationError {
    /// The date rule a value breaks.
    public enum DateProblem: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
        /// Neither `yyyy-mm-dd` (optionally followed by an ISO 8601 time) nor `dd.mm.yyyy`.
        case unrecognizedFormat
        /// The month or day does not exist (month 13, 31 February, 29 February of a common year).
        case notACalendarDate
        /// The year is before 1900.
        case tooEarly
        /// The date is after the injected `now`.
        case inFuture

        /// A short phrase naming the problem.
        public var description: String {
            switch self {
            case .unrecognizedFormat: "not yyyy-mm-dd or dd.mm.yyyy"
            case .notACalendarDate: "no such calendar date"
            case .tooEarly: "year before 1900"
            case .inFuture: "date in the future"
            }
        }
    }
}
