/// A requested field that a decision denied, and why.
public struct DeniedField: Sendable, Hashable, CustomStringConvertible {
    /// The field name.
    public let field: String
    /// Why it was denied.
    public let reason: DenialReason

    /// Creates a denied field.
    public init(field: String, reason: DenialReason) {
        self.field = field
        self.reason = reason
    }

    /// `field: reason`.
    public var description: String { "\(field): \(reason)" }
}
