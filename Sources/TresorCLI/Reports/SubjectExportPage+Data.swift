import Vault

extension SubjectExportPage {
    /// "Your data": every stored field with its value and provenance.
    static func writeFields(_ export: SubjectExport, _ s: ExportStrings, into html: inout HTMLBuilder) {
        html.section(id: "data", title: s.dataHeading) { html in
            html.paragraph(s.dataIntro)
            let rows: [[HTMLCell]] = export.fields.map { field in
                [
                    fieldName(field.name, special: field.fieldClass == "special_category", s),
                    .value(field.value), .text(s.name(field.source, in: \.sources)),
                    updated(field.updatedAt, rectified: field.rectifiedAt, s), .text(retention(field.retention, s)),
                    field.legalHold.map { HTMLCell.text($0) } ?? .text(s.missing, className: "muted"),
                ]
            }
            html.table(
                caption: s.dataCaption,
                headers: [
                    s.fieldColumn, s.valueColumn, s.sourceColumn, s.updatedColumn, s.retentionColumn,
                    s.legalHoldColumn,
                ], rows: rows, emptyText: s.dataEmpty)
        }
    }

    /// "Linked identifiers": kinds and counts.
    static func writeIdentities(_ export: SubjectExport, _ s: ExportStrings, into html: inout HTMLBuilder) {
        html.section(id: "identifiers", title: s.identitiesHeading) { html in
            html.paragraph(s.identitiesIntro)
            let rows: [[HTMLCell]] = export.identities.map {
                [named($0.kind, s.name($0.kind, in: \.fieldNames)), .number($0.count)]
            }
            html.table(
                caption: s.identitiesCaption, headers: [s.identityKindColumn, s.countColumn], rows: rows,
                numeric: [1], emptyText: s.identitiesEmpty, className: "narrow")
        }
    }

    /// When a field was last written and, below, when it was corrected, if it was.
    static func updated(_ updatedAt: String, rectified rectifiedAt: String?, _ s: ExportStrings) -> HTMLCell {
        var html = HTMLEscaping.escape(ReportTime.format(iso: updatedAt))
        if let rectifiedAt, !rectifiedAt.isEmpty {
            html +=
                "<span class=\"sub\">\(HTMLEscaping.escape(s.rectifiedLabel)) "
                + "\(HTMLEscaping.escape(ReportTime.format(iso: rectifiedAt)))</span>"
        }
        return .markup(html, className: "time")
    }

    /// The human name of a field, its code, and a "special category" tag when it is one.
    static func fieldName(_ name: String, special: Bool, _ s: ExportStrings) -> HTMLCell {
        var html = named(name, s.name(name, in: \.fieldNames)).html
        if special { html += " <span class=\"tag warn\">\(HTMLEscaping.escape(s.specialCategory))</span>" }
        return .markup(html)
    }

    /// A retention period in words, translated when it is "N days" or "while the account exists".
    static func retention(_ words: String, _ s: ExportStrings) -> String {
        let parts = words.split(separator: " ")
        if parts.count == 2, let count = Int(parts[0]), parts[1] == "days" || parts[1] == "day" {
            return s.days(count)
        }
        switch words {
        case "while the account exists", "while the subject exists", "while the record exists":
            return s.whileAccountExists
        default: return words
        }
    }
}
