import Foundation

/// Everything a run needs to know, read from the command line.
struct BenchConfiguration: Sendable {
    /// The scale of the run.
    var scale: BenchScale
    /// True for the tiny sizes of `--quick`.
    var quick: Bool
    /// How many times each scenario runs; figures are medians over the runs.
    var repeats: Int
    /// The scenarios to run, in registry order.
    var scenarioNames: [String]
    /// Where `results.json` goes.
    var outputDirectory: URL
    /// A generated data set whose `events.ndjson` supplies the event properties, if given.
    var datasetDirectory: URL?
    /// The BENCHMARKS.md file whose results section is rewritten, if given.
    var documentToUpdate: URL?
    /// The policy file the bench policy is built from.
    var policyFile: URL
    /// The folder under which a scratch folder for the run's vaults is made (and removed).
    var workRoot: URL
    /// Keep the scratch vaults after the run (for inspection or profiling).
    var keepsWork: Bool
    /// Print results.json on standard output instead of the table.
    var printsJSON: Bool

    /// The sizes this configuration implies.
    var sizes: BenchSizes { BenchSizes(scale: scale, quick: quick) }
}
