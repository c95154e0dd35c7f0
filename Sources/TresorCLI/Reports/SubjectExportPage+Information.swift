import Vault

extension SubjectExportPage {
    /// "Purposes and lawful bases".
    static func writePurposes(_ export: SubjectExport, _ s: ExportStrings, into html: inout HTMLBuilder) {
        html.section(id: "purposes", title: s.purposesHeading) { html in
            html.paragraph(s.purposesIntro)
            let rows: [[HTMLCell]] = export.purposes.map {
                [
                    named($0.name, s.name($0.name, in: \.purposeNames)), .text(s.name($0.basis, in: \.bases)),
                    .text($0.description),
                ]
            }
            html.table(
                caption: s.purposesCaption, headers: [s.purposeColumn, s.basisColumn, s.descriptionColumn],
                rows: rows, emptyText: s.purposesEmpty)
        }
    }

    /// "Recipients": processors and channel providers.
    static func writeRecipients(_ export: SubjectExport, _ s: ExportStrings, into html: inout HTMLBuilder) {
        html.section(id: "recipients", title: s.recipientsHeading) { html in
            html.paragraph(s.recipientsIntro)
            html.table(
                caption: s.recipientsCaption, headers: [s.recipientColumn, s.roleColumn],
                rows: export.recipients.map { [.text($0.name), .text($0.role)] }, emptyText: s.recipientsEmpty)
        }
    }

    /// "How long your data is kept": the fields grouped by retention period, then the legal holds.
    static func writeRetention(_ export: SubjectExport, _ s: ExportStrings, into html: inout HTMLBuilder) {
        html.section(id: "retention", title: s.retentionHeading) { html in
            html.paragraph(s.retentionIntro)
            var periods: [String] = []
            var fieldsByPeriod: [String: [String]] = [:]
            for field in export.fields {
                let period = retention(field.retention, s)
                if fieldsByPeriod[period] == nil { periods.append(period) }
                let label = s.name(field.name, in: \.fieldNames)
                if fieldsByPeriod[period, default: []].contains(label) { continue }
                fieldsByPeriod[period, default: []].append(label)
            }
            html.table(
                caption: s.retentionCaption, headers: [s.periodColumn, s.fieldColumn],
                rows: periods.map { [.text($0), .text(fieldsByPeriod[$0, default: []].joined(separator: ", "))] },
                emptyText: s.retentionEmpty)
            let holds: [[HTMLCell]] = export.fields.compactMap { field in
                guard let hold = field.legalHold, !hold.isEmpty else { return nil }
                return [fieldName(field.name, special: false, s), .text(hold)]
            }
            if !holds.isEmpty {
                html.table(
                    caption: s.holdsCaption, headers: [s.fieldColumn, s.legalHoldColumn], rows: holds, emptyText: "")
            }
        }
    }

    /// "Your rights": the localised titles the export carries, with their articles.
    static func writeRights(_ export: SubjectExport, _ s: ExportStrings, into html: inout HTMLBuilder) {
        html.section(id: "rights", title: s.rightsHeading) { html in
            guard !export.rights.isEmpty else {
                html.paragraph(s.rightsEmpty, className: "empty")
                return
            }
            html.paragraph(s.rightsIntro)
            html.raw("<ul class=\"rights\">\n")
            for right in export.rights {
                html.raw("<li>")
                html.element("strong", right.title)
                if !right.article.isEmpty {
                    html.raw(" ")
                    html.element("span", "(\(right.article))", attributes: [("class", "muted")])
                }
                html.raw("</li>\n")
            }
            html.raw("</ul>\n")
        }
    }

    /// "How to contact us": the operator's contact, the request number, and the supervisory authority.
    static func writeContact(_ export: SubjectExport, _ s: ExportStrings, into html: inout HTMLBuilder) {
        html.section(id: "contact", title: s.contactHeading) { html in
            html.paragraph(s.contactIntro)
            let dataOperator = export.dataOperator
            html.raw("<address>")
            html.element("strong", dataOperator.name)
            html.raw("<br>")
            html.text(dataOperator.address)
            html.raw("<br>")
            if isEmailAddress(dataOperator.contact) {
                html.element("a", dataOperator.contact, attributes: [("href", "mailto:" + dataOperator.contact)])
            } else {
                html.text(dataOperator.contact)
            }
            html.raw("</address>\n")
            if let request = export.request { html.paragraph(s.quoteRequest(request.id)) }
            html.paragraph(export.subject.jurisdiction == "152fz" ? s.complaint152FZ : s.complaintGDPR)
        }
    }

    /// Whether `text` is a plain e-mail address that can safely become a `mailto:` link.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains(".") else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII
                && ($0.properties.isAlphabetic || $0.properties.numericType != nil
                    || "@.-_+".unicodeScalars.contains($0))
        }
    }
}
