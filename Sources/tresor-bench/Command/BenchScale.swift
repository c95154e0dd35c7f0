/// How big a run is: the number of subjects, and the sizes every scenario derives from it.
enum BenchScale: String, CaseIterable, Codable, Sendable {
    case tenThousand = "10k"
    case hundredThousand = "100k"
    case million = "1m"

    /// Subjects in the main vault.
    var subjects: Int {
        switch self {
        case .tenThousand: 10_000
        case .hundredThousand: 100_000
        case .million: 1_000_000
        }
    }

    /// Events written by `event-write` (200k at 10k, 1M at 100k, 5M at 1m).
    var events: Int {
        switch self {
        case .tenThousand: 200_000
        case .hundredThousand: 1_000_000
        case .million: 5_000_000
        }
    }
}

/// The sizes of one run; `quick` shrinks everything so that a debug build finishes in seconds.
struct BenchSizes: Codable, Sendable {
    /// Subjects in the main vault (each with 20 encrypted fields and 3 identities).
    var subjects: Int
    /// Distinct generated persons whose values the subjects cycle through (bounds memory at 1m).
    var personPool: Int
    /// Subjects written per transaction while building the main vault.
    var subjectsPerTransaction: Int
    /// Events written by `event-write`, and how many per transaction.
    var events: Int
    var eventsPerTransaction: Int
    /// Subjects the `event-write` events are spread over.
    var eventSubjects: Int
    /// Events stored for `event-scan` (spread over `subjects` subjects).
    var scannedEvents: Int
    /// Subjects read by `profile-read` (one warm-up pass, then measured passes), and the hot subset.
    var profileSample: Int
    var profileHotSample: Int
    /// Reads measured by `accessor-read` with full and with normal durability.
    var accessorReadsFull: Int
    var accessorReadsNormal: Int
    /// Entries appended by `audit-append` in one transaction.
    var auditEntries: Int
    /// Subjects shred one at a time by `erasure`, and the events each holds.
    var erasureSingles: Int
    var eventsPerErasedSubject: Int
    /// Subjects shred in one call by `erasure`, and the events each holds.
    var erasureBatch: Int
    var eventsPerBatchSubject: Int

    /// The sizes for `scale`, or the tiny quick sizes.
    init(scale: BenchScale, quick: Bool) {
        if quick {
            subjects = 200
            personPool = 200
            subjectsPerTransaction = 100
            events = 4_000
            eventsPerTransaction = 1_000
            eventSubjects = 100
            scannedEvents = 4_000
            profileSample = 200
            profileHotSample = 50
            accessorReadsFull = 30
            accessorReadsNormal = 60
            auditEntries = 3_000
            erasureSingles = 3
            eventsPerErasedSubject = 100
            erasureBatch = 20
            eventsPerBatchSubject = 5
            return
        }
        subjects = scale.subjects
        personPool = min(scale.subjects, 100_000)
        subjectsPerTransaction = 1_000
        events = scale.events
        eventsPerTransaction = 10_000
        eventSubjects = scale.subjects
        scannedEvents = scale.subjects * 100
        profileSample = min(scale.subjects, 10_000)
        profileHotSample = 1_000
        accessorReadsFull = 2_000
        accessorReadsNormal = 10_000
        auditEntries = 100_000
        erasureSingles = 20
        eventsPerErasedSubject = 1_000
        erasureBatch = max(500, scale.subjects / 100)
        eventsPerBatchSubject = 20
    }
}
