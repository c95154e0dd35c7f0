import Foundation
import Policy
import SampleData
import Unification
import Vault

/// Where the import scenarios get their data: `--dataset DIR` (a `generate.py` data set), else
/// the project's own generator at the scale's size (cached in the work folder).
enum ImportData {
    static func directory(_ context: BenchContext, dirt: SampleDirtLevel) throws -> URL {
        if let dataset = context.configuration.datasetDirectory, dirt == .realistic { return dataset }
        let people = context.configuration.quick ? 300 : context.sizes.subjects
        let url = context.workDirectory.appendingPathComponent("dataset-\(people)-dirt\(dirt.rawValue)")
        if !FileManager.default.fileExists(atPath: url.appendingPathComponent("manifest.json").path) {
            context.log("generating \(NumberText.grouped(people)) people (dirt \(dirt.rawValue))")
            var options = SampleDataOptions(people: people, seed: 1, dirt: dirt)
            options.eventsPerPerson = 1.0
            _ = try SampleDataGenerator.write(options: options, to: url)
        }
        return url
    }

    static func makeVault(_ context: BenchContext, name: String) throws -> Vault {
        let root = context.workDirectory.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: root)
        var options = Vault.Options(policy: context.policy)
        options.consentTexts = try ConsentTextLibrary.load(
            directory: BenchPaths.policies.appendingPathComponent("consent-texts"),
            knownPurposes: Set(context.policy.consentPurposes))
        options.durability = .full
        return try Vault.create(at: root, options: options)
    }
}

/// `import`: customer CSV and Segment events end to end (parse, normalise, resolve, encrypt,
/// write) on one core, with the default `full` durability.
struct ImportScenario: BenchScenario {
    let name = "import"
    let title = "customer and event import end to end (parse, normalise, resolve, encrypt, write)"

    func run(in context: BenchContext, report: inout ScenarioReport) throws {
        let data = try ImportData.directory(context, dirt: .realistic)
        let vault = try ImportData.makeVault(context, name: "import-vault")
        let actor = context.actor("unification")
        let ((customers, _), customerTime) = try Stopwatch.time {
            try CustomerImporter(vault: vault, actor: actor).run(file: data.appendingPathComponent("customers.csv"))
        }
        report.set("customer_rows", customers.read)
        report.add(
            Metric(
                "customer rows", Double(customers.read) / customerTime.seconds, "rows/s",
                target: .atLeast(50_000, "rows/s")))
        context.log("import: \(customers.read) customer rows in \(NumberText.fixed(customerTime.seconds, digits: 1)) s")
        let ((events, _), eventTime) = try Stopwatch.time {
            try EventImporter(vault: vault, actor: actor).run(file: data.appendingPathComponent("events.ndjson"))
        }
        report.set("events", events.read)
        report.add(
            Metric("events", Double(events.read) / eventTime.seconds, "events/s", target: .atLeast(100_000, "events/s"))
        )
        let ((consents, _), consentTime) = try Stopwatch.time {
            try ConsentImporter(vault: vault, actor: context.actor("compliance")).run(
                file: data.appendingPathComponent("consents.ndjson"))
        }
        report.set("consent_records", consents.read)
        report.add(Metric("consent records", Double(consents.read) / consentTime.seconds, "records/s"))
        report.add(Metric("total import time", customerTime.seconds + eventTime.seconds + consentTime.seconds, "s"))
    }
}

/// `resolution-quality`: pairwise precision, recall and F1 of the imported customers against
/// `truth.csv`, at dirt levels 1 and 2.
struct ResolutionQualityScenario: BenchScenario {
    let name = "resolution-quality"
    let title = "identity resolution against truth.csv (pairwise precision / recall / F1)"

    func run(in context: BenchContext, report: inout ScenarioReport) throws {
        for (dirt, target) in [(SampleDirtLevel.realistic, 0.999), (.hostile, 0.99)] {
            let data = try ImportData.directory(context, dirt: dirt)
            let vault = try ImportData.makeVault(context, name: "resolution-vault-\(dirt.rawValue)")
            _ = try CustomerImporter(vault: vault, actor: context.actor("unification")).run(
                file: data.appendingPathComponent("customers.csv"))
            var predicted: [String: Int] = [:]
            var ids: [SubjectID: Int] = [:]
            try vault.sourceLinks { source, record, subject in
                let id = ids[subject] ?? ids.count
                ids[subject] = id
                predicted["\(source),\(record)"] = id
            }
            var truth: [String: Int] = [:]
            var people: [String: Int] = [:]
            let text = try String(contentsOf: data.appendingPathComponent("truth.csv"), encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                let parts = line.split(separator: ",")
                guard parts.count == 3 else { continue }
                let person = people[String(parts[2])] ?? people.count
                people[String(parts[2])] = person
                truth["\(parts[0]),\(parts[1])"] = person
            }
            // Rejected records count as singletons, so they cost recall.
            var next = ids.count
            var p: [Int] = []
            var t: [Int] = []
            for (key, person) in truth {
                t.append(person)
                if let id = predicted[key] {
                    p.append(id)
                } else {
                    p.append(next)
                    next += 1
                }
            }
            let score = PairwiseScore.compute(predicted: p, truth: t)
            report.add(Metric("dirt \(dirt.rawValue) precision", score.precision, "", target: .atLeast(target, "")))
            report.add(Metric("dirt \(dirt.rawValue) recall", score.recall, "", target: .atLeast(target, "")))
            report.add(Metric("dirt \(dirt.rawValue) F1", score.f1, ""))
        }
    }
}

/// `consent-check`: one subject's consent status (median latency), one purpose for every subject
/// (a snapshot), and batched appends to the ledger.
struct ConsentCheckScenario: BenchScenario {
    let name = "consent-check"
    let title = "consent checks (single, one purpose for all subjects) and ledger appends"

    func run(in context: BenchContext, report: inout ScenarioReport) throws {
        let vault = try ImportData.makeVault(context, name: "consent-vault")
        let count = context.configuration.quick ? 2_000 : context.sizes.subjects
        let subjects = try vault.write(as: context.actor("unification"), purpose: "unification") { w in
            try (0..<count).map { _ in try w.createSubject(jurisdiction: "gdpr") }
        }
        let inputs = subjects.map {
            ConsentInput(
                subject: $0, purpose: "analytics", status: "granted", source: .api, textVersion: "gdpr-en-v1",
                collectedAt: 1_780_000_000_000)
        }
        // Appended in transactions of 10,000 records (`ConsentImporter` uses 5,000) inside
        // `bulkWrites`, as the importer does: the figure is the sustained rate while the ledger
        // grows to N records, each commit fully durable.
        let batchSize = 10_000
        let (_, appendTime) = try Stopwatch.time {
            try vault.bulkWrites {
                for start in stride(from: 0, to: inputs.count, by: batchSize) {
                    try vault.recordConsents(
                        Array(inputs[start..<min(start + batchSize, inputs.count)]), as: context.actor("compliance"))
                }
            }
        }
        report.set("append batch", batchSize)
        report.add(
            Metric(
                "ledger append, batched", Double(inputs.count) / appendTime.seconds, "records/s",
                target: .atLeast(100_000, "records/s"),
                note: "inside bulkWrites (512 MiB page cache, checkpoints every 256 MiB of WAL), as the consent import")
        )
        // Checks as a campaign makes them at send time: one after another in a run that sees every
        // commit made before each check (`withConsentChecks`).
        var latencies: [UInt64] = []
        try vault.withConsentChecks { checker in
            for subject in subjects.prefix(20_000) {
                let (_, duration) = try Stopwatch.time { try checker.status(of: subject, purpose: "analytics") }
                latencies.append(duration.nanoseconds)
            }
        }
        let single = LatencySample(nanoseconds: latencies)
        report.add(
            Metric(
                "single check, median", single.medianMicroseconds, "µs", target: .atMost(2, "µs"),
                note:
                    "checks in a `withConsentChecks` run: each sees every commit made before it, by any process; they share a read transaction until something is committed"
            ))
        report.add(Metric("single check, p99", single.p99Microseconds, "µs"))
        var standalone: [UInt64] = []
        for subject in subjects.prefix(20_000) {
            let (_, duration) = try Stopwatch.time { try vault.consentStatus(of: subject, purpose: "analytics") }
            standalone.append(duration.nanoseconds)
        }
        report.add(
            Metric(
                "standalone check (own read transaction), median",
                LatencySample(nanoseconds: standalone).medianMicroseconds, "µs",
                note:
                    "`consentStatus` outside a run: SQLite begins and ends a read transaction for it, two fcntl lock calls on the WAL index"
            ))
        let (snapshot, snapshotTime) = try Stopwatch.time { try vault.consentSnapshot(purpose: "analytics") }
        let (granted, lookupTime) = Stopwatch.time { subjects.count { snapshot.status(of: $0) == .granted } }
        guard granted == subjects.count else { throw BenchError("the snapshot lost grants") }
        report.set("subjects", subjects.count)
        report.add(
            Metric(
                "one purpose for all subjects", (snapshotTime.seconds + lookupTime.seconds), "s",
                target: .below(Double(max(1, subjects.count)) / 1_000_000, "s"),
                note: "target scaled from 1 s per 1M subjects"))
    }
}

/// `request-export`: an access-request export of one subject with 10,000 events.
struct ExportScenario: BenchScenario {
    let name = "request-export"
    let title = "access-request export of a person with 10,000 events"

    func run(in context: BenchContext, report: inout ScenarioReport) throws {
        let vault = try ImportData.makeVault(context, name: "export-vault")
        let events = context.configuration.quick ? 500 : 10_000
        let compliance = context.actor("compliance")
        let subject = try vault.write(as: context.actor("unification"), purpose: "unification") { w in
            let id = try w.createSubject(jurisdiction: "152fz")
            for (index, field) in ["first_name", "last_name", "email", "phone", "city", "country", "language"]
                .enumerated()
            {
                try w.setField(field, of: id, to: .string("value-\(index)"), source: "crm")
            }
            try w.appendEvents(
                (0..<events).map {
                    NewEvent(
                        subject: id, type: "Product Viewed", at: 1_780_000_000_000 + Int64($0) * 1000, source: "web",
                        messageID: "export-\($0)",
                        properties: Array("{\"product_id\":\"SKU\($0)\",\"price\":19.9}".utf8))
                })
            return id
        }
        var latencies: [UInt64] = []
        for _ in 0..<5 {
            let request = try vault.openRequest(kind: .access, subject: subject, channel: "bench", as: compliance)
            _ = try vault.verifyRequest(request.id, method: "bench", as: compliance)
            let (export, duration) = try Stopwatch.time { try vault.buildExport(requestID: request.id, as: compliance) }
            guard export.events.count == events else { throw BenchError("the export lost events") }
            latencies.append(duration.nanoseconds)
        }
        report.set("events", events)
        let sample = LatencySample(nanoseconds: latencies)
        report.add(Metric("export, median of 5", sample.medianMicroseconds / 1000, "ms", target: .below(200, "ms")))
    }
}

/// The repository's `Policies` folder, found from this source file.
enum BenchPaths {
    static let policies = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Policies")
}
