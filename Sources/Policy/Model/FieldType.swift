/// The type of a field's value, used by importers and segment conditions.
public enum FieldType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Text.
    case string
    /// A calendar date (ISO 8601 `yyyy-MM-dd`).
    case date
    /// A decimal number.
    case number
    /// A list of strings.
    case list

    /// The name used in policy files.
    public var description: String { rawValue }
}
