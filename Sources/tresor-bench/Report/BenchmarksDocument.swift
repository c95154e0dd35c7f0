import Foundation

/// Rewrites one scale's results section of BENCHMARKS.md, between
/// `<!-- tresor-bench:SCALE:begin -->` and `<!-- tresor-bench:SCALE:end -->`. A scale without a
/// section yet gets one before `<!-- tresor-bench:next -->` (or at the end); the rest of the
/// document, analysis included, is left as written.
enum BenchmarksDocument {
    /// The anchor before which new sections go.
    static let nextAnchor = "<!-- tresor-bench:next -->"

    /// Updates (or creates) `file` with `results`.
    static func update(_ file: URL, with results: BenchResults) throws {
        let key = results.quick ? "quick" : results.scale
        let begin = "<!-- tresor-bench:\(key):begin -->"
        let end = "<!-- tresor-bench:\(key):end -->"
        let section = begin + "\n" + render(results) + end
        var text = (try? String(contentsOf: file, encoding: .utf8)) ?? skeleton
        if let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) {
            text.replaceSubrange(start.lowerBound..<stop.upperBound, with: section)
        } else if let anchor = text.range(of: nextAnchor) {
            text.replaceSubrange(anchor.lowerBound..<anchor.lowerBound, with: section + "\n\n")
        } else {
            text += (text.hasSuffix("\n") ? "\n" : "\n\n") + section + "\n"
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    /// The generated Markdown of one run.
    static func render(_ results: BenchResults) -> String {
        let machine = results.machine
        let title =
            results.quick
            ? "Quick run (tiny sizes, figures mean nothing)"
            : "Scale \(results.scale) — \(NumberText.grouped(results.sizes.subjects)) subjects"
        var lines = [
            "### \(title)", "",
            "Run \(results.date)\(results.repeats > 1 ? " (every figure the median of \(results.repeats) runs)" : "")\(results.revision.map { " at revision `\($0)`" } ?? "") on \(machine.summary); Swift \(machine.swiftVersion); libsodium \(machine.libsodiumVersion); "
                + "SQLite \(machine.sqliteVersion); \(machine.build) build; \(NumberText.fixed(results.totalSeconds, digits: 0)) s in all; "
                + "\(machine.loadSummary).",
            "",
            "| scenario | metric | value | baseline | ratio | target | met |",
            "|---|---|--:|--:|--:|---|:-:|",
        ]
        for scenario in results.scenarios {
            if let error = scenario.error {
                lines.append("| \(scenario.name) | failed: \(escape(error)) | | | | | ✗ |")
            }
            for (index, metric) in scenario.metrics.enumerated() {
                let name: String = index == 0 ? "`\(scenario.name)`" : ""
                let value: String = ResultsTable.value(metric.value, metric.unit)
                let baseline: String = metric.baseline.map { ResultsTable.value($0, metric.unit) } ?? ""
                let ratio: String = metric.ratio.map { NumberText.fixed($0, digits: 2) } ?? ""
                let target: String = metric.target?.text ?? ""
                let met: String = metric.passed.map { $0 ? "✓" : "✗" } ?? ""
                let cells: [String] = [name, metric.name, value, baseline, ratio, target, met]
                lines.append("| " + cells.map(escape).joined(separator: " | ") + " |")
            }
        }
        lines.append("")
        let memory = results.scenarios.map {
            "`\($0.name)` \(NumberText.mebibytes($0.memory.peakKiB)) (+\(NumberText.mebibytes($0.memory.peakRiseKiB)))"
        }
        lines.append(
            "Process peak RSS after each scenario (rise of the peak during it): " + memory.joined(separator: ", ") + "."
        )
        if let seconds = results.mainVault["build_seconds"], let rate = results.mainVault["field_writes_per_second"] {
            lines.append(
                "Main vault: \(NumberText.grouped(results.sizes.subjects)) subjects × 20 encrypted fields + 3 identities, built in \(seconds) s "
                    + "(\(NumberText.figure(Double(rate) ?? 0)) field writes/s, normal durability, 1,000 subjects per transaction)."
            )
        }
        let notes = results.scenarios.flatMap(\.notes)
        if !notes.isEmpty {
            lines.append("")
            lines += notes.map { "- " + $0 }
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    private static func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    private static let skeleton = """
        # Benchmarks

        Run with `make bench` (`tresor-bench --scale 10k --out bench-results --update-doc BENCHMARKS.md`).

        ## Results

        \(nextAnchor)

        """
}
