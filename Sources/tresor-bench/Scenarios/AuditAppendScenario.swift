import Vault

/// `audit-append`: `VaultProbe.appendAuditEntries` writes 100,000 hash-chained entries (each
/// touching one subject, a signed checkpoint every 10,000) in one transaction. Target: ≥ 100k/s.
struct AuditAppendScenario: BenchScenario {
    let name = "audit-append"
    let title = "hash-chained audit entries appended in one transaction"

    func run(in context: BenchContext, report: inout ScenarioReport) throws {
        let fixture = try context.fixture()
        let vault = try fixture.open(durability: .full)
        let count = context.sizes.auditEntries
        report.set("entries", count)
        report.set("durability", "full")
        context.log("audit-append: \(NumberText.grouped(count)) entries")
        let (written, duration) = try Stopwatch.time {
            try VaultProbe.appendAuditEntries(vault: vault, count: count, actor: context.actor("segmentation"))
        }
        guard written == count else { throw BenchError("audit-append wrote \(written) of \(count) entries") }
        context.auditLogFilled = true
        report.add(
            Metric(
                "throughput", Double(written) / duration.seconds, "entries/s", target: .atLeast(100_000, "entries/s")))
        report.add(Metric("transaction", duration.seconds * 1000, "ms"))
    }
}
