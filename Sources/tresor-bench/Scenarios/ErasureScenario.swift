import Foundation
import Vault

/// `erasure`: `cryptoShred` of one subject holding 20 fields, 3 identities and 1,000 events (one
/// call per subject, median over 20 subjects; target < 20 ms), then of 500+ subjects in one call
/// (target ≥ 500 people/s). The subjects are added to the main vault for the purpose (the
/// fixture's own subjects stay), and the vault is opened with `full` durability, the default.
struct ErasureScenario: BenchScenario {
    let name = "erasure"
    let title = "crypto-shredding (delete rows with secure_delete, audit, WAL checkpoint)"

    func run(in context: BenchContext, report: inout ScenarioReport) throws {
        let fixture = try context.fixture()
        let sizes = context.sizes
        let vault = try fixture.open(durability: .full)
        let stream = SegmentEventStream(subjects: [], corpus: try context.propertiesCorpus())
        let compliance = context.actor("compliance")
        report.set("durability", "full")
        report.set("single_subjects", sizes.erasureSingles)
        report.set("events_per_single_subject", sizes.eventsPerErasedSubject)
        report.set("batch_subjects", sizes.erasureBatch)
        report.set("events_per_batch_subject", sizes.eventsPerBatchSubject)

        context.log(
            "erasure: adding \(sizes.erasureSingles) subjects × \(NumberText.grouped(sizes.eventsPerErasedSubject)) events"
        )
        let singles = try addSubjects(
            sizes.erasureSingles, eventsEach: sizes.eventsPerErasedSubject, tagBase: 0xE1, to: vault, fixture: fixture,
            stream: stream, context: context)
        var latencies: [UInt64] = []
        for subject in singles {
            let (shred, duration) = try Stopwatch.time {
                try vault.cryptoShred([subject], as: compliance, purpose: "dsr", reason: "tresor-bench erasure")
            }
            guard shred.events == sizes.eventsPerErasedSubject, shred.fields == ProfileFields.names.count else {
                throw BenchError("erasure removed \(shred.events) events and \(shred.fields) fields of one subject")
            }
            latencies.append(duration.nanoseconds)
        }
        let single = LatencySample(nanoseconds: latencies)
        report.add(Metric("one subject, median", single.medianMicroseconds / 1000, "ms", target: .below(20, "ms")))
        report.add(Metric("one subject, max", single.maxMicroseconds / 1000, "ms"))

        context.log("erasure: adding \(NumberText.grouped(sizes.erasureBatch)) subjects for the batch")
        let batch = try addSubjects(
            sizes.erasureBatch, eventsEach: sizes.eventsPerBatchSubject, tagBase: 0xE2, to: vault, fixture: fixture,
            stream: stream, context: context)
        context.log("erasure: shredding \(NumberText.grouped(batch.count)) subjects in one call")
        let (shred, duration) = try Stopwatch.time {
            try vault.cryptoShred(batch, as: compliance, purpose: "dsr", reason: "tresor-bench batch erasure")
        }
        guard shred.events == batch.count * sizes.eventsPerBatchSubject else {
            throw BenchError(
                "batch erasure removed \(shred.events) events of \(batch.count * sizes.eventsPerBatchSubject)")
        }
        report.add(
            Metric(
                "batch of \(NumberText.grouped(batch.count))", Double(batch.count) / duration.seconds, "people/s",
                target: .atLeast(500, "people/s")))
        report.add(Metric("batch call", duration.seconds * 1000, "ms"))
    }

    /// Adds `count` subjects with full profiles and `eventsEach` events each; returns their ids.
    private func addSubjects(
        _ count: Int, eventsEach: Int, tagBase: UInt64, to vault: Vault, fixture: MainVaultFixture,
        stream: SegmentEventStream, context: BenchContext
    ) throws -> [SubjectID] {
        let actor = context.actor("unification")
        var subjects: [SubjectID] = []
        while subjects.count < count {
            let range = subjects.count..<min(count, subjects.count + 1_000)
            subjects += try vault.write(as: actor, purpose: "unification", action: "import") { writer in
                try range.map { index in
                    let person = fixture.people[index % fixture.people.count]
                    return try MainVaultFixture.writeProfile(
                        person: person, values: ProfileFields.values(of: person, index: index), writer: writer)
                }
            }
        }
        var pending: [NewEvent] = []
        for (index, subject) in subjects.enumerated() {
            pending += stream.events(of: subject, count: eventsEach, tag: tagBase << 40 &+ UInt64(index) &* 1_000_003)
            if pending.count >= 10_000 || index == subjects.count - 1 {
                let batch = pending
                _ = try vault.write(as: actor, purpose: "unification", action: "import-events") {
                    try $0.appendEvents(batch)
                }
                pending = []
            }
        }
        return subjects
    }
}
