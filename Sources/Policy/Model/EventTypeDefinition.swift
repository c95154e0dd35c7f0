/// Retention of one event type (or of every other type, for the `*` entry).
public struct EventTypeDefinition: Sendable, Hashable {
    /// The name of the default entry that covers every event type not listed.
    public static let defaultName = "*"

    /// The event type, e.g. `Order Completed`, `page`, or `*`.
    public let name: String
    /// Days an event is kept after its timestamp; `nil` keeps it while the subject exists.
    public let retentionDays: Int?
    /// A legal obligation to keep the event after an erasure request, if any.
    public let legalHold: LegalHold?
    /// A human description, possibly empty.
    public let description: String

    /// Creates an event type definition.
    public init(name: String, retentionDays: Int?, legalHold: LegalHold? = nil, description: String = "") {
        self.name = name
        self.retentionDays = retentionDays
        self.legalHold = legalHold
        self.description = description
    }
}
