/// Data that the law requires to keep for a while even after an erasure request (e.g. accounting records).
public struct LegalHold: Sendable, Hashable {
    /// Why the data must be kept, citing the law.
    public let reason: String
    /// How many days the data is kept, counted from its creation (events) or from the erasure request (fields).
    public let days: Int

    /// Creates a legal hold.
    public init(reason: String, days: Int) {
        self.reason = reason
        self.days = days
    }
}
