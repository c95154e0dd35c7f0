/// The terminal table: one row per figure, printed as each scenario finishes.
enum ResultsTable {
    private static let widths = [18, 40, 16, 16, 8, 24]

    /// The header and its rule.
    static var header: [String] {
        let titles = ["scenario", "metric", "value", "baseline", "ratio", "target"]
        return [row(titles + [""]), String(repeating: "-", count: widths.reduce(0, +) + widths.count * 2 + 2)]
    }

    /// The rows of one scenario: its figures, then its memory line and remarks.
    static func lines(for result: ScenarioResult) -> [String] {
        var lines: [String] = []
        if let error = result.error {
            lines.append(row([result.name, "FAILED: \(error)", "", "", "", "", ""]))
        }
        for (index, metric) in result.metrics.enumerated() {
            lines.append(
                row([
                    index == 0 ? result.name : "", metric.name, value(metric.value, metric.unit),
                    metric.baseline.map { value($0, metric.unit) } ?? "",
                    metric.ratio.map { NumberText.fixed($0, digits: 2) } ?? "",
                    metric.target?.text ?? "", mark(metric.passed),
                ]))
        }
        let memory = result.memory
        lines.append(
            row([
                "",
                "memory: process peak \(NumberText.mebibytes(memory.peakKiB)) (+\(NumberText.mebibytes(memory.peakRiseKiB)) here)",
                "", "", "", "", "",
            ]))
        return lines
    }

    /// A figure with its unit: `312k events/s`, `18.4 µs`.
    static func value(_ value: Double, _ unit: String) -> String { "\(NumberText.figure(value)) \(unit)" }

    /// ✓ met, ✗ missed, blank without a target.
    static func mark(_ passed: Bool?) -> String {
        switch passed {
        case true?: "✓"
        case false?: "✗ MISS"
        case nil: ""
        }
    }

    private static func row(_ cells: [String]) -> String {
        var line = ""
        for (index, cell) in cells.enumerated() {
            if index < widths.count {
                let padding = max(0, widths[index] - cell.count)
                line += cell + String(repeating: " ", count: padding) + "  "
            } else {
                line += cell
            }
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}
