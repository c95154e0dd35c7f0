import Vault

extension SubjectExportPage {
    /// "Events": a summary by type, then the newest `rowLimit` events, newest first.
    static func writeEvents(_ export: SubjectExport, _ s: ExportStrings, into html: inout HTMLBuilder) {
        html.section(id: "events", title: s.eventsHeading) { html in
            html.paragraph(s.eventsIntro)
            guard !export.events.isEmpty else {
                html.paragraph(s.eventsEmpty, className: "empty")
                return
            }
            let summaries = EventTypeSummary.summarize(export.events)
            html.table(
                caption: s.eventsSummaryCaption, headers: [s.typeColumn, s.countColumn, s.firstColumn, s.lastColumn],
                rows: summaries.map { [.code($0.type), .number($0.count), .time($0.first), .time($0.last)] },
                numeric: [1], emptyText: s.eventsEmpty,
                footer: [.text(s.totalRow), .number(export.events.count), .text(""), .text("")], className: "narrow")

            let total = export.events.count
            let shown = export.events.suffix(rowLimit).reversed()
            let rows: [[HTMLCell]] = shown.map { event in
                [
                    .time(event.at), .code(event.type), .text(s.name(event.source, in: \.sources)),
                    HTMLCell(html: HTMLEscaping.escape(event.properties), className: "props"),
                ]
            }
            html.table(
                caption: total > rows.count ? s.latestRows(rows.count, total) : s.eventsListCaption,
                headers: [s.whenColumn, s.typeColumn, s.sourceColumn, s.detailsColumn], rows: rows,
                emptyText: s.eventsEmpty)
            if total > rows.count { html.paragraph(s.moreInJSON(total - rows.count), className: "note") }
        }
    }
}
