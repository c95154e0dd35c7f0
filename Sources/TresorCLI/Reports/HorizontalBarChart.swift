/// A horizontal bar chart, one bar per row, each bar stacking one value per series (a single series gives plain
/// bars), drawn as inline SVG with row labels, totals, a value axis and, for several series, a legend.
struct HorizontalBarChart: Sendable {
    /// One bar.
    struct Row: Sendable {
        /// The row label.
        let label: String
        /// One value per series.
        let values: [Int64]
    }

    /// A unique id for the title and description elements.
    let id: String
    /// The accessible name.
    let title: String
    /// The accessible description.
    let description: String
    /// The series, left of the stack first.
    let series: [ChartSeries]
    /// The bars, top to bottom.
    let rows: [Row]

    private let width = 960.0
    private let rowHeight = 26.0
    private let barHeight = 17.0
    private let labelLimit = 40

    /// The `<svg>` element.
    var svg: String {
        let labels = rows.map { SVGFormat.truncated($0.label, to: labelLimit) }
        let labelWidth = min(300, max(90, (labels.map { SVGFormat.textWidth($0) }.max() ?? 0) + 14))
        let totalWidth = 84.0
        let plotLeft = labelWidth
        let plotWidth = width - plotLeft - totalWidth
        let legend: (svg: String, height: Double) =
            series.count > 1 ? SVGFormat.legend(series, x: plotLeft, y: 4, width: plotWidth) : ("", 0)
        let top: Double = legend.height + (series.count > 1 ? 12 : 6)
        let plotBottom = top + rowHeight * Double(rows.count)
        let height = plotBottom + 26
        let scale = ChartScale(largest: rows.map { $0.values.reduce(0, +) }.max() ?? 0)
        var svg = SVGFormat.open(id: id, width: width, height: height, title: title, description: description)
        svg += legend.svg

        svg += "<g aria-hidden=\"true\">\n"
        for tick in scale.ticks {
            let x = f(plotLeft + scale.position(tick, length: plotWidth))
            svg += "<line x1=\"\(x)\" y1=\"\(f(top))\" x2=\"\(x)\" y2=\"\(f(plotBottom))\" "
            svg += "stroke=\"\(ChartPalette.grid)\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(x)\" y=\"\(f(plotBottom + 17))\" text-anchor=\"middle\" fill=\"\(ChartPalette.axis)\">"
            svg += "\(ReportNumber.grouped(tick))</text>\n"
        }
        svg += "</g>\n"

        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            let barY = y + (rowHeight - barHeight) / 2
            let total = row.values.reduce(0, +)
            var tooltip = "\(row.label) — \(ReportNumber.grouped(total))"
            if series.count > 1 {
                let parts = zip(series, row.values).filter { $0.1 > 0 }.map {
                    "\($0.0.name): \(ReportNumber.grouped($0.1))"
                }
                tooltip += " (" + parts.joined(separator: ", ") + ")"
            }
            svg += "<g><title>\(HTMLEscaping.escape(tooltip))</title>"
            svg +=
                "<text x=\"\(f(plotLeft - 8))\" y=\"\(f(y + rowHeight / 2 + 4))\" text-anchor=\"end\">"
                + "\(HTMLEscaping.escape(labels[index]))</text>"
            var stacked: Int64 = 0
            for (seriesIndex, value) in row.values.enumerated() where value > 0 {
                let x0 = plotLeft + scale.position(stacked, length: plotWidth)
                stacked += value
                let x1 = plotLeft + scale.position(stacked, length: plotWidth)
                svg +=
                    "<rect x=\"\(f(x0))\" y=\"\(f(barY))\" width=\"\(f(max(x1 - x0, 1)))\" height=\"\(f(barHeight))\" "
                    + "fill=\"\(series[seriesIndex].color)\"/>"
            }
            let end = plotLeft + scale.position(total, length: plotWidth)
            svg +=
                "<text x=\"\(f(end + 6))\" y=\"\(f(y + rowHeight / 2 + 4))\" font-weight=\"600\">"
                + "\(ReportNumber.grouped(total))</text></g>\n"
        }
        svg +=
            "<line x1=\"\(f(plotLeft))\" y1=\"\(f(top))\" x2=\"\(f(plotLeft))\" y2=\"\(f(plotBottom))\" "
            + "stroke=\"\(ChartPalette.axis)\" stroke-width=\"1\"/>\n"
        svg += "</svg>"
        return svg
    }

    private func f(_ value: Double) -> String { SVGFormat.number(value) }
}
