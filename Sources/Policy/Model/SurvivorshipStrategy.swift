/// How unification picks one value of a field among the values of several source records.
public enum SurvivorshipStrategy: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The non-empty value of the most recently updated source record.
    case mostRecent
    /// The non-empty value of the most trusted source; ties go to the most recent record.
    case mostTrustedSource
    /// The first non-empty value kept: a later value only fills an empty field, never replaces one.
    case nonEmpty

    /// The name used in policy files.
    public var description: String { rawValue }
}
