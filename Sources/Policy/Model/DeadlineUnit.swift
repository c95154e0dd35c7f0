/// The unit a legal deadline is counted in.
public enum DeadlineUnit: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Calendar months (GDPR Art. 12(3): one month, extendable by two).
    case calendarMonths
    /// Working days, Monday to Friday (152-FZ Art. 14(3), 20: ten working days, extendable by five).
    case workingDays
    /// Calendar days.
    case calendarDays

    /// The name used in policy files.
    public var description: String { rawValue }
}
