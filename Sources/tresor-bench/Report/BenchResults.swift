import Foundation

/// Everything a run measured, as written to results.json.
struct BenchResults: Codable, Sendable {
    var tool = "tresor-bench"
    var formatVersion = 1
    /// When the run started, ISO 8601.
    var date: String
    /// The git revision measured (`b0d2d1f`, `-dirty` with uncommitted changes), when known.
    var revision: String?
    var scale: String
    var quick: Bool
    /// How many times each scenario ran (figures are medians).
    var repeats: Int
    var machine: MachineInfo
    var sizes: BenchSizes
    /// The policy file the bench policy was built from.
    var policy: String
    /// How the main vault was built (subjects, seconds, field writes/s), when a scenario needed it.
    var mainVault: [String: String]
    var scenarios: [ScenarioResult]
    /// Wall time of the whole run, seconds.
    var totalSeconds: Double

    /// Writes the results as pretty JSON to `directory/results.json`.
    func write(to directory: URL) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let url = directory.appendingPathComponent("results.json")
        try encoder.encode(self).write(to: url, options: .atomic)
        return url
    }

    /// The JSON text.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
