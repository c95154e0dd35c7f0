import Foundation
import Policy
import Vault
import VaultStore

/// `accessor-read`: `access(as: compliance).read(subject, fields: 20 fields, purpose: "dsr")` — policy
/// decision, audit entry appended and committed, then decryption — measured with the vault opened
/// with `full` and with `normal` durability. Target: median ≤ 30 µs.
struct AccessorReadScenario: BenchScenario {
    let name = "accessor-read"
    let title = "policy-checked, audited 20-field read (decision + audit commit + decrypt)"

    func run(in context: BenchContext, report: inout ScenarioReport) throws {
        let fixture = try context.fixture()
        let sizes = context.sizes
        report.set("fields", ProfileFields.names.count)
        report.set("actor", "compliance")
        report.set("purpose", "dsr")
        var medians: [(VaultDurability, Double)] = []
        for (durability, count) in [
            (VaultDurability.full, sizes.accessorReadsFull), (.normal, sizes.accessorReadsNormal),
        ] {
            report.set("reads_\(durability.rawValue)", count)
            context.log("accessor-read: \(NumberText.grouped(count)) reads, durability \(durability.rawValue)")
            let vault = try fixture.open(durability: durability)
            let access = vault.access(as: context.actor("compliance"))
            let subjects = ProfileReadScenario.sample(fixture.subjects, count: count, seed: 23)
            // Warm-up: the first reads fill statement caches and pages.
            for subject in subjects.prefix(50) {
                _ = try access.read(subject, fields: ProfileFields.names, purpose: "dsr")
            }
            var latencies: [UInt64] = []
            latencies.reserveCapacity(subjects.count)
            for subject in subjects {
                let (result, duration) = try Stopwatch.time {
                    try access.read(subject, fields: ProfileFields.names, purpose: "dsr")
                }
                latencies.append(duration.nanoseconds)
                guard result.values.count == ProfileFields.names.count else {
                    throw BenchError(
                        "accessor-read returned \(result.values.count) of \(ProfileFields.names.count) fields (\(result.decision.summary))"
                    )
                }
            }
            let sample = LatencySample(nanoseconds: latencies)
            let mode = durability.rawValue
            report.add(Metric("median (\(mode))", sample.medianMicroseconds, "µs", target: .atMost(30, "µs")))
            report.add(Metric("p99 (\(mode))", sample.p99Microseconds, "µs"))
            report.add(Metric("throughput (\(mode))", sample.operationsPerSecond, "reads/s"))
            let floor = try commitFloor(durability, count: count, context: context)
            report.add(Metric("commit floor (\(mode))", floor.medianMicroseconds, "µs"))
            medians.append((durability, sample.medianMicroseconds))
        }
        let meeting = medians.filter { $0.1 <= 30 }.map(\.0.rawValue)
        report.note(
            "accessor-read: the ≤ 30 µs median is met with "
                + (meeting.isEmpty ? "neither durability" : meeting.joined(separator: " and ") + " durability")
                + "; each read commits its audit entry before decrypting (full = fsync per read). "
                + "'commit floor' is the median of a bare transaction inserting one 200-byte row into a scratch database with the same durability: the least an audited read can cost."
        )
    }

    /// Latencies of `count` one-row write transactions on a scratch database with `durability`.
    private func commitFloor(_ durability: VaultDurability, count: Int, context: BenchContext) throws -> LatencySample {
        let directory = try context.scratchDirectory("commit-floor-\(durability.rawValue)")
        let store = try Store(
            path: directory.appendingPathComponent("floor.sqlite").path,
            durability: durability == .full ? .full : .normal,
            migrations: [
                Migration(
                    version: 1, name: "floor", sql: "CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL);")
            ])
        let body = [UInt8](repeating: 0x42, count: 200)
        var latencies: [UInt64] = []
        for index in 0..<(count + 50) {
            let (_, duration) = try Stopwatch.time {
                try store.write { db in try db.run("INSERT INTO rows (body) VALUES (?)", [body]) }
            }
            if index >= 50 { latencies.append(duration.nanoseconds) }
        }
        return LatencySample(nanoseconds: latencies)
    }
}
