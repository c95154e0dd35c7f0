/// What a scenario reports while it runs: its parameters, figures and remarks.
struct ScenarioReport: Sendable {
    /// Sizes and modes, for the record (`events` = `200000`).
    private(set) var parameters: [String: String] = [:]
    /// The figures, in display order.
    private(set) var metrics: [Metric] = []
    /// Remarks for the reader (which mode meets a target, what a sub-figure means).
    private(set) var notes: [String] = []

    /// Records a parameter.
    mutating func set(_ key: String, _ value: some CustomStringConvertible) { parameters[key] = value.description }

    /// Adds a figure.
    mutating func add(_ metric: Metric) { metrics.append(metric) }

    /// Adds a remark.
    mutating func note(_ text: String) { notes.append(text) }

    /// The reports of several runs of one scenario merged: the parameters and notes of the first,
    /// each figure the median over the runs that reported it.
    static func merged(_ reports: [ScenarioReport]) -> ScenarioReport {
        guard var merged = reports.first, reports.count > 1 else { return reports.first ?? ScenarioReport() }
        merged.metrics = merged.metrics.map { metric in
            Metric.median(of: reports.compactMap { report in report.metrics.first { $0.name == metric.name } })
        }
        return merged
    }
}

/// The outcome of one scenario, as written to results.json.
struct ScenarioResult: Codable, Sendable {
    var name: String
    var title: String
    var parameters: [String: String]
    var metrics: [Metric]
    var notes: [String]
    /// Wall time of the whole scenario, setup included.
    var seconds: Double
    /// Memory after the scenario.
    var memory: MemoryReport
    /// Why the scenario stopped, when it failed.
    var error: String?
}
