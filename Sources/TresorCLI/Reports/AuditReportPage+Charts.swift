extension AuditReportPage {
    /// Series shown by name in a chart before the rest are grouped as "other".
    static let namedSeriesLimit = ChartPalette.series.count
    /// Rows shown in a horizontal chart before the rest are grouped.
    static let chartRowLimit = 15

    /// The three charts, each with its data table.
    static func writeCharts(_ summary: AuditReportSummary, into html: inout HTMLBuilder) {
        html.section(id: "activity", title: "Activity") { html in
            guard summary.entryCount > 0, let range = summary.timeRange else {
                html.paragraph("The audit log has no entries, so there is nothing to chart.", className: "empty")
                return
            }
            writeTimeline(summary, range, into: &html)
            writePurposes(summary, into: &html)
            writeDecisions(summary, into: &html)
        }
    }

    /// Entries per day (or week, month, year) stacked by actor.
    static func writeTimeline(_ summary: AuditReportSummary, _ range: ClosedRange<Int64>, into html: inout HTMLBuilder)
    {
        let firstDay = ReportTime.day(milliseconds: range.lowerBound)
        let lastDay = ReportTime.day(milliseconds: range.upperBound)
        let bucketing = TimeBucketing(firstDay: firstDay, lastDay: lastDay)
        let actors = summary.actorTotals
        var seriesOfActor = [Int](repeating: namedSeriesLimit, count: summary.actorNames.count)
        var series: [ChartSeries] = []
        for (rank, actor) in actors.enumerated() where rank < namedSeriesLimit {
            seriesOfActor[actor.index] = rank
            series.append(ChartSeries(name: actor.actor, color: ChartPalette.series[rank]))
        }
        if actors.count > namedSeriesLimit {
            series.append(
                ChartSeries(name: "other actors (\(actors.count - namedSeriesLimit))", color: ChartPalette.other))
        }
        let firstKey = bucketing.key(ofDay: firstDay)
        let lastKey = bucketing.key(ofDay: lastDay)
        var values = [[Int64]](
            repeating: [Int64](repeating: 0, count: series.count), count: Int(lastKey - firstKey + 1))
        for (key, count) in summary.dayActorCounts {
            values[Int(bucketing.key(ofDay: key.day) - firstKey)][seriesOfActor[key.actor]] += count
        }
        let columns = values.enumerated().map { offset, counts in
            let labels = bucketing.labels(ofKey: firstKey + Int64(offset))
            return StackedColumnChart.Column(label: labels.short, title: labels.full, values: counts)
        }
        let busiest = columns.max { ($0.values.reduce(0, +), $1.title) < ($1.values.reduce(0, +), $0.title) }
        let title = "Audit entries per \(bucketing.noun), by actor"
        var description =
            "\(ReportNumber.grouped(summary.entryCount)) entries by \(actors.count) actors from "
            + "\(CivilDate(daysSinceEpoch: firstDay).isoText) to \(CivilDate(daysSinceEpoch: lastDay).isoText)"
        if let busiest {
            description +=
                "; busiest \(bucketing.noun) \(busiest.title) with \(ReportNumber.grouped(busiest.values.reduce(0, +)))"
        }
        let chart = StackedColumnChart(
            id: "chart-timeline", title: title, description: description + ".", series: series, columns: columns)
        writeFigure(title: title, svg: chart.svg, into: &html)
        writeDataTable(
            headers: [bucketing.columnTitle] + series.map(\.name) + ["Total"],
            rows: columns.filter { $0.values.contains { $0 > 0 } }.map { column in
                [.text(column.title)] + column.values.map { .number($0) } + [.number(column.values.reduce(0, +))]
            }, into: &html)
    }

    /// Entries by purpose, most frequent first.
    static func writePurposes(_ summary: AuditReportSummary, into html: inout HTMLBuilder) {
        let purposes = summary.purposeCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        var rows = purposes.prefix(chartRowLimit).map { HorizontalBarChart.Row(label: $0.key, values: [$0.value]) }
        if purposes.count > chartRowLimit {
            let rest = purposes.dropFirst(chartRowLimit)
            rows.append(.init(label: "other purposes (\(rest.count))", values: [rest.reduce(0) { $0 + $1.value }]))
        }
        let title = "Audit entries by purpose"
        let top = purposes.first.map { "; most frequent: \($0.key) with \(ReportNumber.grouped($0.value))" } ?? ""
        let chart = HorizontalBarChart(
            id: "chart-purposes", title: title,
            description: "\(purposes.count) purposes\(top).",
            series: [ChartSeries(name: "entries", color: ChartPalette.series[0])], rows: rows)
        writeFigure(title: title, svg: chart.svg, into: &html)
        writeDataTable(
            headers: ["Purpose", "Entries"], rows: purposes.map { [.code($0.key), .number($0.value)] }, into: &html)
    }

    /// Allowed, partly allowed and denied entries per actor.
    static func writeDecisions(_ summary: AuditReportSummary, into html: inout HTMLBuilder) {
        let actors = summary.actorTotals
        let showOther = summary.otherDecisionCount > 0
        var series = [
            ChartSeries(name: "allowed", color: ChartPalette.allowed),
            ChartSeries(name: "partial", color: ChartPalette.partial),
            ChartSeries(name: "denied", color: ChartPalette.denied),
        ]
        if showOther { series.append(ChartSeries(name: "other", color: ChartPalette.other)) }
        let width = series.count
        func counts(_ index: Int) -> [Int64] { Array(summary.actorDecisions[index].prefix(width)) }
        var rows = actors.prefix(chartRowLimit).map {
            HorizontalBarChart.Row(label: $0.actor, values: counts($0.index))
        }
        if actors.count > chartRowLimit {
            var rest = [Int64](repeating: 0, count: width)
            for actor in actors.dropFirst(chartRowLimit) {
                for (slot, value) in counts(actor.index).enumerated() { rest[slot] += value }
            }
            rows.append(.init(label: "other actors (\(actors.count - chartRowLimit))", values: rest))
        }
        let title = "Decisions per actor"
        let chart = HorizontalBarChart(
            id: "chart-decisions", title: title,
            description:
                "\(ReportNumber.grouped(summary.allowedCount)) allowed, \(ReportNumber.grouped(summary.partialCount)) "
                + "partly allowed and \(ReportNumber.grouped(summary.deniedCount)) denied entries across "
                + "\(actors.count) actors.",
            series: series, rows: rows)
        writeFigure(title: title, svg: chart.svg, into: &html)
        writeDataTable(
            headers: ["Actor"] + series.map(\.name) + ["Total"],
            rows: actors.map { actor in
                [.text(actor.actor)] + counts(actor.index).map { .number($0) } + [.number(actor.total)]
            }, into: &html)
    }

    /// A `<figure>` with a caption around a chart.
    static func writeFigure(title: String, svg: String, into html: inout HTMLBuilder) {
        html.raw("<figure class=\"chart\">")
        html.element("figcaption", title)
        html.raw(svg)
        html.raw("</figure>\n")
    }

    /// The chart's numbers as a table, folded in a `<details>` element (screen readers and exact values).
    static func writeDataTable(headers: [String], rows: [[HTMLCell]], into html: inout HTMLBuilder) {
        html.raw("<details><summary>Data table</summary>\n")
        html.table(
            caption: "Chart data", headers: headers, rows: rows, numeric: Set(1..<headers.count), emptyText: "No data.")
        html.raw("</details>\n")
    }
}
