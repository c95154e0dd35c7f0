import Foundation
import TresorCLI

/// Runs the selected scenarios, prints the table as they finish, writes results.json and
/// optionally rewrites BENCHMARKS.md. A scenario that fails is reported and the others still run;
/// the exit code is then 1. Missed targets never change the exit code.
struct BenchRunner {
    let configuration: BenchConfiguration
    let stdout: any OutputSink
    let stderr: any OutputSink

    func run() throws -> ExitCode {
        let startDate = Date()
        let start = ContinuousClock.now
        let work = configuration.workRoot.appendingPathComponent(
            "tresor-bench-work-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { if !configuration.keepsWork { try? FileManager.default.removeItem(at: work) } }

        let (policy, policySource) = try BenchPolicy.load(configuration.policyFile)
        var machine = MachineInfo.collect(scratch: work)
        let context = BenchContext(configuration: configuration, policy: policy, workDirectory: work, progress: stderr)
        let human = !configuration.printsJSON
        if human {
            let repeats = configuration.repeats > 1 ? ", medians of \(configuration.repeats) runs" : ""
            stdout.writeLine(
                "tresor-bench — scale \(configuration.scale.rawValue)\(configuration.quick ? " (quick)" : "")\(repeats)"
            )
            stdout.writeLine("machine: \(machine.summary); \(machine.loadSummary)")
            stdout.writeLine(
                "swift \(machine.swiftVersion); libsodium \(machine.libsodiumVersion); SQLite \(machine.sqliteVersion); \(machine.build) build"
            )
            stdout.writeLine("")
            ResultsTable.header.forEach(stdout.writeLine)
        }

        var results: [ScenarioResult] = []
        for name in configuration.scenarioNames {
            guard let scenario = ScenarioRegistry.scenario(named: name) else { continue }
            let result = runOne(scenario, context: context)
            results.append(result)
            if human { ResultsTable.lines(for: result).forEach(stdout.writeLine) }
        }

        machine.loadAtEnd = MachineInfo.loadAverage()
        let formatter = ISO8601DateFormatter()
        let summary = BenchResults(
            date: formatter.string(from: startDate), revision: SourceRevision.current(),
            scale: configuration.scale.rawValue, quick: configuration.quick,
            repeats: configuration.repeats,
            machine: machine, sizes: configuration.sizes, policy: policySource.path, mainVault: context.fixtureInfo,
            scenarios: results, totalSeconds: (ContinuousClock.now - start).seconds)
        let file = try summary.write(to: configuration.outputDirectory)
        if human {
            for note in results.flatMap(\.notes) { stdout.writeLine("note: " + note) }
            stdout.writeLine("")
            stdout.writeLine(machine.loadSummary)
            stdout.writeLine("results: \(file.path) (\(NumberText.fixed(summary.totalSeconds, digits: 1)) s)")
        } else {
            stdout.writeLine(try summary.json())
        }
        if let document = configuration.documentToUpdate {
            try BenchmarksDocument.update(document, with: summary)
            if human { stdout.writeLine("updated: \(document.path)") }
        }
        return results.contains { $0.error != nil } ? .failure : .success
    }

    private func runOne(_ scenario: any BenchScenario, context: BenchContext) -> ScenarioResult {
        let before = MemorySnapshot.now()
        var reports: [ScenarioReport] = []
        var failure: String?
        let (_, duration) = Stopwatch.time {
            for run in 1...configuration.repeats where failure == nil {
                let suffix = configuration.repeats > 1 ? " (run \(run) of \(configuration.repeats))" : ""
                context.log("▶ \(scenario.name): \(scenario.title)\(suffix)")
                var report = ScenarioReport()
                do {
                    try scenario.run(in: context, report: &report)
                    reports.append(report)
                } catch {
                    failure = String(describing: error)
                }
            }
        }
        let report = ScenarioReport.merged(reports)
        if let failure { stderr.writeLine("error: \(scenario.name): \(failure)") }
        return ScenarioResult(
            name: scenario.name, title: scenario.title, parameters: report.parameters, metrics: report.metrics,
            notes: report.notes, seconds: duration.seconds, memory: MemoryReport(before: before, after: .now()),
            error: failure)
    }
}
