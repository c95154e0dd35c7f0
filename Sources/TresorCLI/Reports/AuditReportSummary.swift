/// Everything the auditors' report shows, aggregated in one pass over the log with memory bounded by the number
/// of distinct days, actors and purposes (not entries): feed it entry by entry, for instance straight from the
/// database, then render it with `AuditReportPage.render(_:generatedAt:vaultID:verification:)`.
public struct AuditReportSummary: Sendable {
    /// Rows kept for the denials table.
    public static let denialLimit = 200
    /// Rows kept for the bulk operations table.
    public static let bulkLimit = 500
    /// Rows kept for the newest entries table.
    public static let newestLimit = 100

    /// Entries added.
    public private(set) var entryCount: Int64 = 0
    /// The sum of the entries' subject counts (a subject counts once per entry that touched it).
    public private(set) var subjectsTouched: Int64 = 0
    /// Entries allowed in full.
    public private(set) var allowedCount: Int64 = 0
    /// Entries allowed in part.
    public private(set) var partialCount: Int64 = 0
    /// Entries denied.
    public private(set) var deniedCount: Int64 = 0
    /// Entries whose decision is none of the three known ones.
    public private(set) var otherDecisionCount: Int64 = 0
    /// Bulk operations (see `AuditReportEntry.isBulk`).
    public private(set) var bulkCount: Int64 = 0
    /// The earliest and latest entry times (ms since the epoch), if any entry was added.
    public private(set) var timeRange: ClosedRange<Int64>?

    /// Actor names in order of first appearance; indices into `actorDecisions`.
    private(set) var actorNames: [String] = []
    private var actorIndex: [String: Int] = [:]
    /// Per actor: allowed, partial, denied, other.
    private(set) var actorDecisions: [[Int64]] = []
    /// Entries per purpose.
    private(set) var purposeCounts: [String: Int64] = [:]
    /// Entries per UTC day and actor index.
    private(set) var dayActorCounts: [DayActor: Int64] = [:]
    private var denials = NewestEntries(limit: AuditReportSummary.denialLimit)
    private var bulk = NewestEntries(limit: AuditReportSummary.bulkLimit)
    private var newest = NewestEntries(limit: AuditReportSummary.newestLimit)

    /// A day and an actor, the key of the per-day counts.
    struct DayActor: Hashable, Sendable {
        let day: Int64
        let actor: Int
    }

    /// An empty summary.
    public init() {}

    /// The summary of `entries`.
    public init<Entries: Sequence<AuditReportEntry>>(_ entries: Entries) {
        for entry in entries { add(entry) }
    }

    /// Adds one entry.
    public mutating func add(_ entry: AuditReportEntry) {
        entryCount += 1
        subjectsTouched += entry.subjectCount
        let actor = index(of: entry.actor)
        let decision: Int
        switch entry.decision {
        case "allowed":
            allowedCount += 1
            decision = 0
        case "partial":
            partialCount += 1
            decision = 1
        case "denied":
            deniedCount += 1
            decision = 2
            denials.add(entry)
        default:
            otherDecisionCount += 1
            decision = 3
        }
        actorDecisions[actor][decision] += 1
        purposeCounts[entry.purpose, default: 0] += 1
        dayActorCounts[DayActor(day: ReportTime.day(milliseconds: entry.at), actor: actor), default: 0] += 1
        if let range = timeRange {
            if entry.at < range.lowerBound || entry.at > range.upperBound {
                timeRange = min(range.lowerBound, entry.at)...max(range.upperBound, entry.at)
            }
        } else {
            timeRange = entry.at...entry.at
        }
        if entry.isBulk {
            bulkCount += 1
            bulk.add(entry)
        }
        newest.add(entry)
    }

    /// The latest denials, newest first (at most `denialLimit`).
    public var latestDenials: [AuditReportEntry] { denials.newestFirst }
    /// The latest bulk operations, newest first (at most `bulkLimit`).
    public var latestBulkOperations: [AuditReportEntry] { bulk.newestFirst }
    /// The newest entries, newest first (at most `newestLimit`).
    public var newestEntries: [AuditReportEntry] { newest.newestFirst }
    /// How many distinct actors appear.
    public var actorCount: Int { actorNames.count }

    /// Entries per actor, most active first (ties by name).
    var actorTotals: [(actor: String, index: Int, total: Int64)] {
        actorNames.enumerated()
            .map { (actor: $1, index: $0, total: actorDecisions[$0].reduce(0, +)) }
            .sorted { ($1.total, $0.actor) < ($0.total, $1.actor) }
    }

    /// The index of `actor`, registering it on first sight.
    private mutating func index(of actor: String) -> Int {
        if let index = actorIndex[actor] { return index }
        actorIndex[actor] = actorNames.count
        actorNames.append(actor)
        actorDecisions.append([0, 0, 0, 0])
        return actorNames.count - 1
    }
}
