import Vault
import VaultCrypto

/// `audit-verify`: `vault.verifyAudit()` over the main vault's whole log (the imports, the reads
/// of earlier scenarios and the `audit-append` entries): the median of 3 runs. Target: ≥ 1M entries/s.
struct AuditVerifyScenario: BenchScenario {
    let name = "audit-verify"
    let title = "audit log verification (chain, entry hashes, subject digests, checkpoint signatures)"

    func run(in context: BenchContext, report: inout ScenarioReport) throws {
        let fixture = try context.fixture()
        let vault = try fixture.open(durability: .normal)
        if !context.auditLogFilled {
            context.log("audit-verify: appending \(NumberText.grouped(context.sizes.auditEntries)) entries first")
            _ = try VaultProbe.appendAuditEntries(
                vault: vault, count: context.sizes.auditEntries, actor: context.actor("segmentation"))
            context.auditLogFilled = true
        }
        var rates: [Double] = []
        var entries: Int64 = 0
        var checkpoints = 0
        for run in 1...3 {
            context.log("audit-verify: run \(run) of 3")
            let (result, duration) = try Stopwatch.time { try vault.verifyAudit() }
            guard result.isValid else {
                throw BenchError(
                    "audit-verify found the log invalid at entry \(result.firstBadSequence ?? 0): \(result.problem ?? "")"
                )
            }
            entries = result.entries
            checkpoints = result.checkpointsVerified
            rates.append(Double(result.entries) / duration.seconds)
        }
        report.set("entries", entries)
        report.set("checkpoints_verified", checkpoints)
        report.set("runs", 3)
        let median = rates.sorted()[1]
        report.add(Metric("throughput", median, "entries/s", target: .atLeast(1_000_000, "entries/s")))
        report.add(Metric("per entry", 1e6 / median, "µs"))
        report.add(Metric("hash floor: 2 BLAKE2b per entry", hashFloor(), "entries/s"))
        report.note(
            "audit-verify: 'hash floor' is the rate if verifying an entry cost only its two BLAKE2b-256 hashes (a 200-byte canonical entry and a one-subject digest), measured alone: the ceiling for a single-threaded verifier."
        )
    }

    /// Entries per second if each cost only BLAKE2b of a 200-byte entry and of a 51-byte digest input.
    private func hashFloor() -> Double {
        let entry = [UInt8](repeating: 0x5A, count: 200)
        let digestInput = [UInt8](repeating: 0xA5, count: 51)
        let rounds = 50_000
        let (_, duration) = Stopwatch.time {
            for _ in 0..<rounds {
                _ = BLAKE2b.hash(entry, outputLength: 32)
                _ = BLAKE2b.hash(digestInput, outputLength: 32)
            }
        }
        return Double(rounds) / duration.seconds
    }
}
