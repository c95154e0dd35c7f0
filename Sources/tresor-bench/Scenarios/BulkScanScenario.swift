import Vault
import VaultStore

/// `bulk-scan`: `access(as: segmentation).scan(fields: city, country, gender, purpose: "profiling")`
/// over every subject — one decision per subject, one audit entry committed, then a decrypting
/// scan — against the same scan of a plaintext copy of the profiles. Median of 3 runs each,
/// after a warm-up run. Consent for `profiling` is granted first by writing `consent_state` rows.
struct BulkScanScenario: BenchScenario {
    let name = "bulk-scan"
    let title = "audited segmentation scan of 3 fields over all subjects vs a plaintext scan"

    func run(in context: BenchContext, report: inout ScenarioReport) throws {
        let fixture = try context.fixture()
        let copy = try context.plaintextCopy()
        try grantProfilingConsent(fixture, context: context)
        let vault = try fixture.open(durability: .full)
        let access = vault.access(as: context.actor("segmentation"))
        let fields = ProfileFields.scanned
        report.set("subjects", fixture.subjects.count)
        report.set("fields", fields.joined(separator: ","))
        report.set("stored_fields_per_subject", ProfileFields.names.count)
        report.set("runs", 3)

        var encryptedRuns: [(seconds: Double, firstRecord: Double)] = []
        var baselineRuns: [Double] = []
        for run in 0...3 {
            context.log("bulk-scan: \(run == 0 ? "warm-up" : "run \(run) of 3")")
            let start = ContinuousClock.now
            var firstRecord: Duration?
            var records = 0
            var values = 0
            let summary = try access.scan(fields: fields, purpose: "profiling") { record in
                if firstRecord == nil { firstRecord = ContinuousClock.now - start }
                records += 1
                values += record.values.count
            }
            let encrypted = ContinuousClock.now - start
            guard summary.returned >= fixture.subjects.count, records == summary.returned,
                values == records * fields.count
            else {
                throw BenchError(
                    "bulk-scan returned \(records) records (\(summary.returned) allowed, \(values) values) for \(fixture.subjects.count) consenting subjects"
                )
            }
            var baselineValues = 0
            let (baselineRecords, baseline) = try Stopwatch.time {
                try copy.scan(fields: fields) { _, _, values in baselineValues += values.count }
            }
            guard baselineRecords == fixture.subjects.count, baselineValues == values else {
                throw BenchError("the plaintext scan returned \(baselineRecords) records, \(baselineValues) values")
            }
            if run > 0 {
                encryptedRuns.append((encrypted.seconds, (firstRecord ?? encrypted).seconds))
                baselineRuns.append(baseline.seconds)
            }
        }
        let encrypted = encryptedRuns.sorted { $0.seconds < $1.seconds }[1]
        let baseline = baselineRuns.sorted()[1]
        let subjects = Double(fixture.subjects.count)
        report.add(Metric("throughput", subjects / encrypted.seconds, "records/s", baseline: subjects / baseline))
        report.add(
            Metric(
                "fields read", subjects * Double(ProfileFields.names.count) / encrypted.seconds, "fields/s",
                baseline: subjects * Double(ProfileFields.names.count) / baseline))
        report.add(Metric("decide + audit commit (first record)", encrypted.firstRecord * 1000, "ms"))
        report.add(Metric("whole scan", encrypted.seconds * 1000, "ms", baseline: baseline * 1000))
        report.note(
            "bulk-scan: the scan reads each subject's profile row (all \(ProfileFields.names.count) fields, in one body) and decrypts the \(fields.count) wanted ones; 'decide + audit commit' is the time before the first record (one policy decision per subject, one audit entry naming every subject)."
        )
    }

    /// Grants `profiling` consent to every fixture subject by writing `consent_state` rows directly
    /// (until the consent API exists).
    private func grantProfilingConsent(_ fixture: MainVaultFixture, context: BenchContext) throws {
        context.log("bulk-scan: granting profiling consent to \(NumberText.grouped(fixture.subjects.count)) subjects")
        let store = try Store(path: fixture.databasePath, durability: .normal)
        try store.write { db in
            let insert = try db.statement(
                """
                INSERT OR REPLACE INTO consent_state (subject, purpose, status, expires_at, by_guardian, ledger_seq)
                VALUES (?, 'profiling', 'granted', NULL, 0, 0)
                """)
            for subject in fixture.subjects { try insert.execute([subject.bytes]) }
        }
    }
}
