import Vault

/// How many events of one type a subject has, and the first and last time one happened.
struct EventTypeSummary: Sendable {
    /// The event type.
    let type: String
    /// How many events of the type.
    private(set) var count = 0
    /// The earliest event's time, as given.
    private(set) var first: String
    /// The latest event's time, as given.
    private(set) var last: String
    private var firstInstant: ReportTime.Instant?
    private var lastInstant: ReportTime.Instant?

    /// Starts a summary with one event.
    init(_ event: SubjectExport.Event) {
        type = event.type
        first = event.at
        last = event.at
        firstInstant = ReportTime.parse(event.at)
        lastInstant = firstInstant
        count = 1
    }

    /// Counts one more event of the type; times that do not parse never replace parsed ones.
    mutating func add(_ event: SubjectExport.Event) {
        count += 1
        let instant = ReportTime.parse(event.at)
        if Self.isBefore(instant, event.at, firstInstant, first) {
            first = event.at
            firstInstant = instant
        }
        if Self.isBefore(lastInstant, last, instant, event.at) {
            last = event.at
            lastInstant = instant
        }
    }

    /// Summaries of `events` by type: most frequent first, then by type name.
    static func summarize(_ events: [SubjectExport.Event]) -> [EventTypeSummary] {
        var byType: [String: EventTypeSummary] = [:]
        for event in events {
            if byType[event.type] == nil {
                byType[event.type] = EventTypeSummary(event)
            } else {
                byType[event.type]!.add(event)
            }
        }
        return byType.values.sorted { ($1.count, $0.type) < ($0.count, $1.type) }
    }

    /// Whether time `a` comes strictly before time `b`: parsed instants compare by value, a parsed one comes
    /// before an unparsed one, and two unparsed texts compare as text.
    private static func isBefore(
        _ a: ReportTime.Instant?, _ aText: String, _ b: ReportTime.Instant?, _ bText: String
    ) -> Bool {
        switch (a, b) {
        case (let a?, let b?): a < b
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): aText < bText
        }
    }
}
