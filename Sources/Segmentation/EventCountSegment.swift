public import Vault

/// The first segment kind: people with at least `minimumCount` events of one of `eventTypes` since
/// `since` (for example "viewed a product three times in the last 30 days"). Evaluated through
/// the accessors' bulk event scan for `purpose`, so it sees only people the policy allows —
/// consent, restriction and objection included — and the scan is audited. Membership holds
/// random subject ids only. (The segment language and engine are a later issue.)
public struct EventCountSegment: Sendable, Equatable {
    /// The segment's name.
    public var name: String
    /// Event types that count (`Product Viewed`, `page`...).
    public var eventTypes: Set<String>
    /// How many matching events a member needs.
    public var minimumCount: Int
    /// Only events at or after this time (ms since epoch).
    public var since: Int64
    /// The purpose of the processing (needs consent when the policy says so).
    public var purpose: String

    /// Creates a segment definition.
    public init(name: String, eventTypes: Set<String>, minimumCount: Int, since: Int64, purpose: String) {
        self.name = name
        self.eventTypes = eventTypes
        self.minimumCount = minimumCount
        self.since = since
        self.purpose = purpose
    }

    /// The members: subject ids with enough matching events, sorted.
    public func members(in vault: Vault, as actor: Actor) throws -> [SubjectID] {
        var counts: [SubjectID: Int] = [:]
        try vault.access(as: actor).scanEvents(purpose: purpose, types: eventTypes, since: since) { event in
            counts[event.subject, default: 0] += 1
        }
        return counts.filter { $0.value >= minimumCount }.map(\.key).sorted()
    }
}
