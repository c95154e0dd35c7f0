import Foundation
import Vault
import VaultCrypto
import VaultStore

/// `event-write`: encrypted events through `VaultWriter.appendEvents`, 10k per transaction, against
/// the same rows inserted in plaintext (properties as is, unkeyed 16-byte message hash) into the
/// `events` table of a second vault, with the same batching. Target: encrypted ≥ 75% of baseline.
///
/// The two runs are interleaved batch by batch (alternating which goes first), so that both
/// databases grow together and a noisy neighbour slows both alike; only the transactions are
/// timed, never the generation of the events.
struct EventWriteScenario: BenchScenario {
    let name = "event-write"
    let title = "encrypted event ingestion vs plaintext inserts into the same schema"

    func run(in context: BenchContext, report: inout ScenarioReport) throws {
        let sizes = context.sizes
        let corpus = try context.propertiesCorpus()
        report.set("events", sizes.events)
        report.set("subjects", sizes.eventSubjects)
        report.set("events_per_transaction", sizes.eventsPerTransaction)
        report.set("properties_mean_bytes", NumberText.fixed(corpus.meanPropertiesBytes, digits: 1))
        report.set("properties_origin", corpus.origin)
        report.set("durability", "full")

        for order in BatchOrder.allCases {
            let (encrypted, baseline) = try measure(order, corpus: corpus, context: context)
            context.discardScratch("event-write-encrypted-\(order.rawValue)")
            context.discardScratch("event-write-plaintext-\(order.rawValue)")
            let label = order == .arrival ? "throughput" : "throughput, batches sorted by subject"
            report.add(
                Metric(label, encrypted.rate, "events/s", baseline: baseline.rate, target: .ratioAtLeast(0.75)))
            if order == .arrival {
                report.add(
                    Metric(
                        "per transaction of \(NumberText.plain(Double(sizes.eventsPerTransaction)))",
                        encrypted.millisecondsPerBatch, "ms", baseline: baseline.millisecondsPerBatch))
            }
        }
        report.note(
            "event-write: 'throughput' writes each batch in arrival (time) order, as a live stream delivers it; 'batches sorted by subject' sorts each batch by subject first, as `EventImporter` does for file imports. Each ordering writes into a fresh pair of vaults."
        )
    }

    /// The order of the events inside each batch.
    enum BatchOrder: String, CaseIterable {
        /// Time order, subjects interleaved at random (a live stream).
        case arrival
        /// Sorted by subject, then time (what `EventImporter` does before writing).
        case bySubject = "by-subject"
    }

    /// Writes `sizes.events` events in `order` into a fresh encrypted vault and, batch by batch
    /// in alternation, into a fresh plaintext baseline.
    private func measure(_ order: BatchOrder, corpus: PropertiesCorpus, context: BenchContext) throws -> (Tally, Tally)
    {
        let sizes = context.sizes
        let options = Vault.Options(policy: context.policy)
        let encryptedVault = try Vault.create(
            at: try context.scratchDirectory("event-write-encrypted-\(order.rawValue)"), options: options)
        let subjects = try createSubjects(in: encryptedVault, count: sizes.eventSubjects, context: context)
        let baselineDirectory = try context.scratchDirectory("event-write-plaintext-\(order.rawValue)")
        do {
            let baselineVault = try Vault.create(at: baselineDirectory, options: options)
            _ = try createSubjects(in: baselineVault, count: sizes.eventSubjects, context: context)
        }
        let baselineStore = try Store(
            path: baselineDirectory.appendingPathComponent("vault.sqlite").path, durability: .full)
        let stream = SegmentEventStream(subjects: subjects, corpus: corpus)
        let actor = context.actor("unification")

        context.log(
            "event-write: \(NumberText.grouped(sizes.events)) events in \(order.rawValue) order, encrypted and plaintext batches interleaved"
        )
        var encrypted = Tally()
        var baseline = Tally()
        var next = 0
        var batch = 0
        while next < sizes.events {
            var events = stream.events(next..<min(sizes.events, next + sizes.eventsPerTransaction))
            if order == .bySubject { events.sort { ($0.subject, $0.at) < ($1.subject, $1.at) } }
            func runEncrypted() throws {
                try encrypted.time {
                    try encryptedVault.write(as: actor, purpose: "unification", action: "import-events") {
                        try $0.appendEvents(events)
                    }
                }
            }
            func runBaseline() throws { try baseline.time { try insertPlaintext(events, into: baselineStore) } }
            if batch % 2 == 0 {
                try runBaseline()
                try runEncrypted()
            } else {
                try runEncrypted()
                try runBaseline()
            }
            next += events.count
            batch += 1
            if batch % 20 == 0 { context.log("  \(NumberText.grouped(next)) events") }
        }
        guard encrypted.rows == sizes.events, baseline.rows == sizes.events else {
            throw BenchError(
                "event-write stored \(encrypted.rows) encrypted and \(baseline.rows) plaintext of \(sizes.events) events"
            )
        }
        return (encrypted, baseline)
    }

    /// Rows written and time spent by one side.
    struct Tally {
        var rows = 0
        var seconds = 0.0
        var batches = 0

        mutating func time(_ write: () throws -> Int) throws {
            let (written, duration) = try Stopwatch.time(write)
            rows += written
            seconds += duration.seconds
            batches += 1
        }

        var rate: Double { Double(rows) / seconds }
        var millisecondsPerBatch: Double { seconds / Double(max(batches, 1)) * 1000 }
    }

    /// Creates `count` bare subjects (no fields) in transactions of 10,000.
    private func createSubjects(in vault: Vault, count: Int, context: BenchContext) throws -> [SubjectID] {
        var subjects: [SubjectID] = []
        subjects.reserveCapacity(count)
        while subjects.count < count {
            let batch = min(10_000, count - subjects.count)
            subjects += try vault.write(as: context.actor("unification"), purpose: "unification") { writer in
                try (0..<batch).map { index in try writer.createSubject(jurisdiction: index % 3 == 0 ? "152fz" : "gdpr")
                }
            }
        }
        return subjects
    }

    /// The baseline: the same INSERT into `events`, properties in the clear, message id hashed without a key.
    private func insertPlaintext(_ events: [NewEvent], into store: Store) throws -> Int {
        try store.write { db in
            let insert = try db.statement(
                "INSERT OR IGNORE INTO events (subject, type, at, source, message, properties) VALUES (?, ?, ?, ?, ?, ?)"
            )
            var inserted = 0
            for event in events {
                try insert.bind(event.subject.bytes, at: 1)
                try insert.bind(event.type, at: 2)
                try insert.bind(event.at, at: 3)
                try insert.bind(event.source, at: 4)
                try insert.bind(BLAKE2b.hash(Array(event.messageID.utf8), outputLength: 16), at: 5)
                try insert.bind(event.properties, at: 6)
                try insert.step()
                insert.reset()
                if db.changes > 0 { inserted += 1 }
            }
            return inserted
        }
    }
}
