import Vault

extension SubjectExportPage {
    /// The title, the introduction and the three cards: operator, request, and the subject's record.
    static func writeHeader(_ export: SubjectExport, _ s: ExportStrings, into html: inout HTMLBuilder) {
        html.raw("<header>\n")
        html.element("h1", s.pageTitle)
        html.paragraph(export.dataOperator.name, className: "lead")
        html.paragraph(s.intro(export.dataOperator.name))
        html.paragraph(s.legalBasisNote, className: "note")
        html.paragraph(
            "\(s.generatedAt): \(ReportTime.format(iso: export.generatedAt)). \(s.timesNote)", className: "note")
        html.raw("<div class=\"cards\">\n")

        card(id: "operator", title: s.operatorHeading, into: &html) { html in
            html.facts([
                (s.operatorName, export.dataOperator.name), (s.operatorAddress, export.dataOperator.address),
                (s.operatorContact, export.dataOperator.contact),
            ])
        }
        card(id: "request", title: s.requestHeading, into: &html) { html in
            if let request = export.request {
                html.facts([
                    (s.requestID, request.id), (s.requestKind, s.name(request.kind, in: \.requestKinds)),
                    (s.requestReceived, ReportTime.format(iso: request.receivedAt)),
                    (s.requestDue, ReportTime.format(iso: request.dueAt)),
                ])
            } else {
                html.paragraph(s.noRequest)
            }
        }
        card(id: "record", title: s.subjectHeading, into: &html) { html in
            let subject = export.subject
            html.facts([
                (s.subjectID, subject.id), (s.jurisdiction, s.name(subject.jurisdiction, in: \.jurisdictions)),
                (s.subjectCreated, ReportTime.format(iso: subject.createdAt)),
                (s.restricted, subject.restricted ? s.yes : s.no),
                (s.objectedToMarketing, subject.objectedToMarketing ? s.yes : s.no),
            ])
        }
        html.raw("</div>\n</header>\n")
    }

    /// The table of contents.
    static func writeContents(_ s: ExportStrings, into html: inout HTMLBuilder) {
        html.open("nav", attributes: [("class", "toc"), ("aria-labelledby", "toc-title")])
        html.element("h2", s.contents, attributes: [("id", "toc-title")])
        html.raw("<ol>")
        for section in sections(s) {
            html.raw("<li>")
            html.element("a", section.title, attributes: [("href", "#" + section.id)])
            html.raw("</li>")
        }
        html.raw("</ol></nav>\n")
    }

    /// One header card: a `<section>` with a small heading.
    private static func card(
        id: String, title: String, into html: inout HTMLBuilder, _ body: (inout HTMLBuilder) -> Void
    ) {
        html.open("section", attributes: [("class", "card"), ("aria-labelledby", id + "-title")])
        html.element("h2", title, attributes: [("id", id + "-title")])
        body(&html)
        html.raw("</section>\n")
    }
}
