import Foundation
import TresorCLI

/// `tresor-bench`: the command line of the benchmark tool.
struct BenchmarksCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "tresor-bench",
        abstract: "Measure the vault against the performance targets of DESIGN.md.",
        discussion: """
            Runs the scenarios on scratch vaults, prints a table (figure, in-process baseline, ratio, target, \
            pass mark) and the peak memory after each scenario, and writes DIR/results.json.
            Scenarios: \(ScenarioRegistry.names.joined(separator: ", ")).
            `make bench` runs: tresor-bench --scale 10k --out bench-results --update-doc BENCHMARKS.md
            """)

    static let arguments: [ArgumentSpec] = [
        .option("scale", valueName: "10k|100k|1m", help: "Subjects in the main vault.", default: "10k"),
        .flag("quick", help: "Tiny sizes that run in seconds (proves the tool works; figures mean nothing)."),
        .option("only", valueName: "names", help: "Comma-separated scenarios to run (default: all)."),
        .option("repeat", valueName: "n", help: "Run each scenario n times and report medians.", default: "1"),
        .option("out", valueName: "dir", help: "Where results.json is written.", default: "bench-results"),
        .option(
            "dataset", valueName: "dir",
            help: "A data set made by generate.py: event properties come from its events.ndjson."),
        .option("update-doc", valueName: "file", help: "Rewrite this scale's results section of FILE (BENCHMARKS.md)."),
        .option(
            "policy", valueName: "file", help: "The policy to extend with the bench fields.",
            default: "Policies/default.json"),
        .option("work", valueName: "dir", help: "Where the scratch vaults go (default: the --out folder)."),
        .flag("keep-work", help: "Keep the scratch vaults after the run."),
    ]

    var configuration: BenchConfiguration

    init(_ arguments: ParsedArguments) throws {
        let scaleText = try arguments.string("scale")
        guard let scale = BenchScale(rawValue: scaleText.lowercased()) else {
            throw UsageError(.invalidValue(option: "--scale", expected: "one of 10k, 100k, 1m"))
        }
        let output = URL(fileURLWithPath: try arguments.string("out"))
        let names: [String]
        if let only = arguments.optionalString("only") {
            names = only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        } else {
            names = ScenarioRegistry.names
        }
        configuration = BenchConfiguration(
            scale: scale, quick: arguments.flag("quick"), repeats: try arguments.int("repeat"), scenarioNames: names,
            outputDirectory: output,
            datasetDirectory: arguments.optionalString("dataset").map { URL(fileURLWithPath: $0) },
            documentToUpdate: arguments.optionalString("update-doc").map { URL(fileURLWithPath: $0) },
            policyFile: URL(fileURLWithPath: try arguments.string("policy")),
            workRoot: arguments.optionalString("work").map { URL(fileURLWithPath: $0) } ?? output,
            keepsWork: arguments.flag("keep-work"), printsJSON: arguments.flag("json"))
    }

    mutating func validate() throws {
        let unknown = configuration.scenarioNames.filter { ScenarioRegistry.scenario(named: $0) == nil }
        if !unknown.isEmpty {
            throw UsageError(
                "unknown scenario \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in '--only' "
                    + "(one of: \(ScenarioRegistry.names.joined(separator: ", ")))")
        }
        if configuration.scenarioNames.isEmpty { throw UsageError("'--only' names no scenario") }
        guard (1...20).contains(configuration.repeats) else { throw UsageError("'--repeat' must be between 1 and 20") }
        // Registry order, whatever order --only gave.
        let wanted = Set(configuration.scenarioNames)
        configuration.scenarioNames = ScenarioRegistry.names.filter { wanted.contains($0) }
        if let dataset = configuration.datasetDirectory {
            let events = dataset.appendingPathComponent("events.ndjson").path
            guard FileManager.default.fileExists(atPath: events) else {
                throw UsageError("'--dataset' folder has no events.ndjson (make one with generate.py)")
            }
        }
    }

    func run(_ context: CommandContext) throws -> ExitCode {
        try BenchRunner(configuration: configuration, stdout: context.stdout, stderr: context.stderr).run()
    }
}
