/// One reported figure: a value with its unit, optionally an in-process baseline and a target.
struct Metric: Codable, Sendable {
    /// What is measured (`events/s`, `median`, `p99 (full)`).
    var name: String
    /// The figure.
    var value: Double
    /// Its unit (`events/s`, `µs`, `ms`, `people/s`).
    var unit: String
    /// The same work without encryption, when a baseline makes sense.
    var baseline: Double?
    /// value / baseline.
    var ratio: Double?
    /// The target this figure is held to, if any.
    var target: MetricTarget?
    /// Whether the target is met (nil without a target).
    var passed: Bool?
    /// A short remark shown under the table.
    var note: String?
    /// The value of each run when the scenario ran several times (`--repeat`); `value` is their median.
    var runs: [Double]?

    /// A figure; `passed` and `ratio` are computed from the target and the baseline.
    init(
        _ name: String, _ value: Double, _ unit: String, baseline: Double? = nil, target: MetricTarget? = nil,
        note: String? = nil
    ) {
        self.name = name
        self.value = value
        self.unit = unit
        self.baseline = baseline
        self.ratio = baseline.flatMap { $0 > 0 ? value / $0 : nil }
        self.target = target
        self.note = note
        self.passed = target.map { $0.isMet(value: value, ratio: ratio) }
    }

    /// The median of the same figure over several runs: median value, median baseline, median of
    /// the per-run ratios (each run's ratio compares figures measured side by side).
    static func median(of runs: [Metric]) -> Metric {
        guard var merged = runs.first, runs.count > 1 else { return runs[0] }
        merged.value = middle(runs.map(\.value))
        let baselines = runs.compactMap(\.baseline)
        merged.baseline = baselines.isEmpty ? nil : middle(baselines)
        let ratios = runs.compactMap(\.ratio)
        merged.ratio = ratios.isEmpty ? nil : middle(ratios)
        merged.passed = merged.target.map { $0.isMet(value: merged.value, ratio: merged.ratio) }
        merged.runs = runs.map(\.value)
        return merged
    }

    private static func middle(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// A performance target: a bound on the value or on the ratio to the baseline.
struct MetricTarget: Codable, Sendable {
    /// How the figure compares with the bound.
    enum Comparison: String, Codable, Sendable {
        case atLeast = "at-least"
        case atMost = "at-most"
        case below
    }

    /// What the bound applies to.
    enum Subject: String, Codable, Sendable {
        case value
        case ratio
    }

    var comparison: Comparison
    var bound: Double
    var subject: Subject
    /// The target as written in the table (`≥ 75% of baseline`).
    var text: String

    /// value ≥ bound.
    static func atLeast(_ bound: Double, _ unit: String) -> MetricTarget {
        MetricTarget(comparison: .atLeast, bound: bound, subject: .value, text: "≥ \(NumberText.plain(bound)) \(unit)")
    }

    /// value ≤ bound.
    static func atMost(_ bound: Double, _ unit: String) -> MetricTarget {
        MetricTarget(comparison: .atMost, bound: bound, subject: .value, text: "≤ \(NumberText.plain(bound)) \(unit)")
    }

    /// value < bound.
    static func below(_ bound: Double, _ unit: String) -> MetricTarget {
        MetricTarget(comparison: .below, bound: bound, subject: .value, text: "< \(NumberText.plain(bound)) \(unit)")
    }

    /// value / baseline ≥ fraction.
    static func ratioAtLeast(_ fraction: Double) -> MetricTarget {
        MetricTarget(
            comparison: .atLeast, bound: fraction, subject: .ratio,
            text: "≥ \(NumberText.plain(fraction * 100))% of baseline")
    }

    /// Whether `value` (or `ratio`) meets the target; a ratio target without a ratio is not met.
    func isMet(value: Double, ratio: Double?) -> Bool {
        let figure: Double
        switch subject {
        case .value: figure = value
        case .ratio:
            guard let ratio else { return false }
            figure = ratio
        }
        switch comparison {
        case .atLeast: return figure >= bound
        case .atMost: return figure <= bound
        case .below: return figure < bound
        }
    }
}
