public import Vault

/// The HTML page a person reads to see everything held about them (GDPR Art. 15, 152-FZ Art. 14), in their
/// language: one self-contained file with inline CSS, no script and no external resource.
public enum SubjectExportPage {
    /// At most this many events and access-log rows are listed; the JSON file has the rest.
    public static let rowLimit = 500

    /// The page for `export`, in `export.language` (Russian, Ukrainian, or English for any other language).
    public static func render(_ export: SubjectExport) -> String {
        let strings = ExportStrings.forLanguage(export.language)
        var html = HTMLBuilder()
        writeHeader(export, strings, into: &html)
        writeContents(strings, into: &html)
        writeFields(export, strings, into: &html)
        writeIdentities(export, strings, into: &html)
        writeConsents(export, strings, into: &html)
        writeModuleRecords(export, strings, into: &html)
        writeAccessLog(export, strings, into: &html)
        writeEvents(export, strings, into: &html)
        writePurposes(export, strings, into: &html)
        writeRecipients(export, strings, into: &html)
        writeRetention(export, strings, into: &html)
        writeRights(export, strings, into: &html)
        writeContact(export, strings, into: &html)
        html.element("footer", strings.footer)
        return ReportDocument.wrap(
            language: strings.languageCode, title: "\(strings.pageTitle) — \(export.dataOperator.name)",
            body: html.html)
    }

    /// The sections in page order: anchor and heading.
    static func sections(_ s: ExportStrings) -> [(id: String, title: String)] {
        [
            ("data", s.dataHeading), ("identifiers", s.identitiesHeading), ("consents", s.consentsHeading),
            ("inclusions", s.modulesHeading), ("access", s.accessHeading), ("events", s.eventsHeading),
            ("purposes", s.purposesHeading), ("recipients", s.recipientsHeading), ("retention", s.retentionHeading),
            ("rights", s.rightsHeading), ("contact", s.contactHeading),
        ]
    }

    /// The title of section `id`.
    static func title(_ id: String, _ s: ExportStrings) -> String {
        sections(s).first { $0.id == id }?.title ?? id
    }

    /// A cell with the human name of `code` and, below it, the code itself.
    static func named(_ code: String, _ name: String) -> HTMLCell {
        guard name != code else { return .code(code) }
        return .markup(
            "\(HTMLEscaping.escape(name))<span class=\"sub\"><code>\(HTMLEscaping.escape(code))</code></span>")
    }

    /// A coloured status tag (`good`, `warn`, `bad` or `neutral`) around escaped text.
    static func tag(_ text: String, _ tone: String) -> HTMLCell {
        .markup("<span class=\"tag \(tone)\">\(HTMLEscaping.escape(text))</span>")
    }

    /// A time cell, or the missing-value dash.
    static func optionalTime(_ iso: String?, _ s: ExportStrings) -> HTMLCell {
        guard let iso, !iso.isEmpty else { return .text(s.missing, className: "muted") }
        return .time(iso)
    }
}
