/// Keeps the `limit` entries with the highest sequence numbers seen, in any arrival order, in amortised
/// constant time per entry for a log read in sequence order.
struct NewestEntries: Sendable {
    /// How many entries to keep.
    let limit: Int
    private var buffer: [AuditReportEntry] = []
    /// Entries with a sequence number at or below this one can no longer make the cut.
    private var floor: Int64?

    /// Creates an empty keeper of `limit` entries.
    init(limit: Int) {
        self.limit = max(0, limit)
        buffer.reserveCapacity(2 * self.limit)
    }

    /// Offers one entry.
    mutating func add(_ entry: AuditReportEntry) {
        guard limit > 0 else { return }
        if let floor, entry.seq <= floor { return }
        buffer.append(entry)
        if buffer.count >= 2 * limit { compact() }
    }

    /// The kept entries, newest (highest sequence) first.
    var newestFirst: [AuditReportEntry] {
        Array(buffer.sorted(by: Self.isNewer).prefix(limit))
    }

    /// Sorts, drops everything past `limit` and raises the floor.
    private mutating func compact() {
        buffer.sort(by: Self.isNewer)
        buffer.removeSubrange(limit...)
        floor = buffer.last?.seq
    }

    /// Higher sequence first; equal sequences (a damaged log) by time, then actor, so the order is stable.
    private static func isNewer(_ a: AuditReportEntry, _ b: AuditReportEntry) -> Bool {
        (a.seq, a.at, a.actor, a.action) > (b.seq, b.at, b.actor, b.action)
    }
}
