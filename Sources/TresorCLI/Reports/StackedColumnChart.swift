/// A vertical bar chart whose bars stack one value per series, drawn as inline SVG with a value axis, grid
/// lines, thinned category labels and a legend.
struct StackedColumnChart: Sendable {
    /// One bar.
    struct Column: Sendable {
        /// The axis label (short).
        let label: String
        /// The full name, shown in the bar's tooltip.
        let title: String
        /// One value per series.
        let values: [Int64]
    }

    /// A unique id for the title and description elements.
    let id: String
    /// The accessible name.
    let title: String
    /// The accessible description (what the chart shows, in a sentence).
    let description: String
    /// The series, bottom of the stack first.
    let series: [ChartSeries]
    /// The bars, left to right.
    let columns: [Column]

    private let width = 960.0
    private let left = 72.0
    private let right = 16.0
    private let top = 12.0
    private let plotHeight = 240.0

    /// The `<svg>` element.
    var svg: String {
        let plotWidth = width - left - right
        let scale = ChartScale(largest: columns.map { $0.values.reduce(0, +) }.max() ?? 0)
        let baseline = top + plotHeight
        let legend = SVGFormat.legend(series, x: left, y: baseline + 34, width: plotWidth)
        let height = baseline + 34 + legend.height + 6
        var svg = SVGFormat.open(id: id, width: width, height: height, title: title, description: description)

        svg += "<g aria-hidden=\"true\">\n"
        for tick in scale.ticks {
            let y = baseline - scale.position(tick, length: plotHeight)
            svg +=
                "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - right))\" y2=\"\(f(y))\" "
                + "stroke=\"\(ChartPalette.grid)\" stroke-width=\"1\"/>"
                + "<text x=\"\(f(left - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\" fill=\"\(ChartPalette.axis)\">"
                + "\(ReportNumber.grouped(tick))</text>\n"
        }
        svg += "</g>\n"

        let slot = plotWidth / Double(max(columns.count, 1))
        let barWidth = min(56, max(1, slot * (columns.count > 40 ? 0.86 : 0.72)))
        let labelStride = max(1, Int((Double(columns.count) * 64 / plotWidth).rounded(.up)))
        for (index, column) in columns.enumerated() {
            let x = left + slot * Double(index) + (slot - barWidth) / 2
            let breakdown = zip(series, column.values).filter { $0.1 > 0 }
                .map { "\($0.0.name): \(ReportNumber.grouped($0.1))" }
            let total = column.values.reduce(0, +)
            svg += "<g><title>\(HTMLEscaping.escape(column.title)) — \(ReportNumber.grouped(total))"
            if !breakdown.isEmpty { svg += HTMLEscaping.escape(" (" + breakdown.joined(separator: ", ") + ")") }
            svg += "</title>"
            var stacked: Int64 = 0
            for (seriesIndex, value) in column.values.enumerated() where value > 0 {
                let y0 = baseline - scale.position(stacked, length: plotHeight)
                stacked += value
                let y1 = baseline - scale.position(stacked, length: plotHeight)
                svg +=
                    "<rect x=\"\(f(x))\" y=\"\(f(y1))\" width=\"\(f(barWidth))\" height=\"\(f(y0 - y1))\" "
                    + "fill=\"\(series[seriesIndex].color)\"/>"
            }
            svg += "</g>\n"
            if index % labelStride == 0 {
                svg +=
                    "<text x=\"\(f(left + slot * (Double(index) + 0.5)))\" y=\"\(f(baseline + 18))\" "
                    + "text-anchor=\"middle\" fill=\"\(ChartPalette.axis)\" aria-hidden=\"true\">"
                    + "\(HTMLEscaping.escape(column.label))</text>\n"
            }
        }
        svg +=
            "<line x1=\"\(f(left))\" y1=\"\(f(baseline))\" x2=\"\(f(width - right))\" y2=\"\(f(baseline))\" "
            + "stroke=\"\(ChartPalette.axis)\" stroke-width=\"1\"/>\n"
        svg += legend.svg
        svg += "</svg>"
        return svg
    }

    private func f(_ value: Double) -> String { SVGFormat.number(value) }
}
