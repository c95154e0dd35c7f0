import Foundation
import Vault
import VaultStore

/// `event-scan`: the accessors' bulk event scan that segment questions run on —
/// `access(as: segmentation).scanEvents(purpose: "analytics")` over a vault of 100 events per
/// subject (1M at 10k), every subject consenting — against the same query on the same database
/// without policy, audit or decryption. Three questions: every event's type and time; one event
/// type in the later half of the period; every event with its properties decrypted. Median of 3
/// runs each, after a warm-up run.
struct EventScanScenario: BenchScenario {
    let name = "event-scan"
    let title = "audited bulk event scan (segment questions) vs the same query in plaintext"

    func run(in context: BenchContext, report: inout ScenarioReport) throws {
        let sizes = context.sizes
        let subjectCount = sizes.subjects
        let eventCount = sizes.scannedEvents
        report.set("subjects", subjectCount)
        report.set("events", eventCount)
        let (vault, stream, path) = try build(subjects: subjectCount, events: eventCount, context: context)
        let store = try Store(path: path, durability: .normal)
        let access = vault.access(as: context.actor("segmentation"))
        let half = stream.start + Int64(eventCount / 2) * 1000
        let oneType = stream.event(0).type
        report.set("selective_type", oneType)

        struct Question {
            let label: String
            let types: Set<String>?
            let since: Int64?
            let properties: Bool
        }
        let questions = [
            Question(label: "type and time of every event", types: nil, since: nil, properties: false),
            Question(label: "one type, later half", types: [oneType], since: half, properties: false),
            Question(label: "every event with properties", types: nil, since: nil, properties: true),
        ]
        for question in questions {
            var scanned: [Double] = []
            var plain: [Double] = []
            var returned = 0
            for run in 0...3 {
                context.log("event-scan: \(question.label), \(run == 0 ? "warm-up" : "run \(run) of 3")")
                var count = 0
                var bytes = 0
                let (_, time) = try Stopwatch.time {
                    try access.scanEvents(
                        purpose: "analytics", types: question.types, since: question.since,
                        withProperties: question.properties
                    ) { event in
                        count += 1
                        bytes += event.properties?.count ?? 0
                    }
                }
                var baselineCount = 0
                let (_, baseline) = try Stopwatch.time {
                    baselineCount = try plaintextScan(
                        store, types: question.types, since: question.since, properties: question.properties)
                }
                guard count == baselineCount, count > 0, !question.properties || bytes > 0 else {
                    throw BenchError(
                        "event-scan (\(question.label)) returned \(count) events, the plaintext query \(baselineCount)")
                }
                returned = count
                if run > 0 {
                    scanned.append(time.seconds)
                    plain.append(baseline.seconds)
                }
            }
            let seconds = scanned.sorted()[1]
            let baseline = plain.sorted()[1]
            // The rate counts every stored event the question has to look at, not only matches.
            report.add(
                Metric(
                    question.label, Double(eventCount) / seconds, "events/s",
                    baseline: Double(eventCount) / baseline))
            report.set("returned_\(question.label.replacingOccurrences(of: " ", with: "_"))", returned)
        }
        report.note(
            "event-scan: rates are stored events examined per second (\(NumberText.grouped(eventCount)) events of \(NumberText.grouped(subjectCount)) subjects), including the policy decision for every subject and the audit entry committed before the first event; the baseline runs the same SELECT on the same database, reading the same columns in place, without policy, audit or decryption."
        )
    }

    /// A vault of `subjects` subjects with `events` events spread over them, all consenting to
    /// `analytics`.
    private func build(subjects: Int, events: Int, context: BenchContext) throws -> (
        Vault, SegmentEventStream, String
    ) {
        let directory = try context.scratchDirectory("event-scan")
        var options = Vault.Options(policy: context.policy)
        options.durability = .normal
        let vault = try Vault.create(at: directory, options: options)
        let actor = context.actor("unification")
        var ids: [SubjectID] = []
        ids.reserveCapacity(subjects)
        while ids.count < subjects {
            let batch = min(10_000, subjects - ids.count)
            ids += try vault.write(as: actor, purpose: "unification") { writer in
                try (0..<batch).map { _ in try writer.createSubject(jurisdiction: "gdpr") }
            }
        }
        let stream = SegmentEventStream(subjects: ids, corpus: try context.propertiesCorpus())
        context.log("event-scan: writing \(NumberText.grouped(events)) events")
        try vault.bulkWrites {
            var next = 0
            while next < events {
                let end = min(events, next + 100_000)
                let batch = stream.events(next..<end).sorted { $0.subject < $1.subject }
                _ = try vault.write(as: actor, purpose: "unification") { try $0.appendEvents(batch) }
                next = end
            }
        }
        let path = directory.appendingPathComponent("vault.sqlite").path
        let store = try Store(path: path, durability: .normal)
        try store.write { db in
            let insert = try db.statement(
                """
                INSERT OR REPLACE INTO consent_state (subject, purpose, status, expires_at, by_guardian, ledger_seq)
                VALUES (?, 'analytics', 'granted', NULL, 0, 0)
                """)
            for id in ids { try insert.execute([id.bytes]) }
        }
        return (vault, stream, path)
    }

    /// The same query as `scanEvents`, without policy, audit or decryption; returns the events
    /// that match.
    private func plaintextScan(_ store: Store, types: Set<String>?, since: Int64?, properties: Bool) throws -> Int {
        try store.read { db in
            let rows = try db.statement(
                "SELECT e.subject, e.type, e.at, e.source, e.message, e.properties FROM events e WHERE e.at >= ? ORDER BY e.subject, e.at"
            )
            defer { rows.reset() }
            try rows.bind(since ?? Int64.min, at: 1)
            var count = 0
            var checksum = 0
            while try rows.step() {
                let type = rows.text(1) ?? ""
                if let types, !types.contains(type) { continue }
                checksum &+= rows.columnBytes(0).count &+ Int(rows.int64(2)) &+ (rows.text(3)?.utf8.count ?? 0)
                if properties { checksum &+= rows.columnBytes(5).count }
                count += 1
            }
            precondition(checksum != 0 || count == 0)
            return count
        }
    }
}
