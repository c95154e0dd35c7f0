/// One table cell: escaped HTML content and an optional class.
struct HTMLCell: Sendable {
    /// Ready-to-insert HTML (already escaped).
    let html: String
    /// A CSS class for the `<td>`, if any.
    let className: String?

    /// A cell with text, escaped.
    static func text(_ text: String, className: String? = nil) -> HTMLCell {
        HTMLCell(html: HTMLEscaping.escape(text), className: className)
    }

    /// A cell with a personal or free-text value that may be long or span lines.
    static func value(_ text: String) -> HTMLCell {
        HTMLCell(html: HTMLEscaping.escape(text), className: "value")
    }

    /// A right-aligned number.
    static func number<N: BinaryInteger>(_ number: N) -> HTMLCell {
        HTMLCell(html: ReportNumber.grouped(number), className: "num")
    }

    /// A cell with monospace code text, escaped.
    static func code(_ text: String) -> HTMLCell {
        HTMLCell(html: "<code>\(HTMLEscaping.escape(text))</code>", className: nil)
    }

    /// An ISO 8601 timestamp shown as UTC text.
    static func time(_ iso: String) -> HTMLCell {
        HTMLCell(html: HTMLEscaping.escape(ReportTime.format(iso: iso)), className: "time")
    }

    /// A time in milliseconds since the epoch shown as UTC text.
    static func time(milliseconds: Int64) -> HTMLCell {
        HTMLCell(html: ReportTime.format(milliseconds: milliseconds), className: "time")
    }

    /// Trusted HTML built by the renderer itself (never from input).
    static func markup(_ html: String, className: String? = nil) -> HTMLCell {
        HTMLCell(html: html, className: className)
    }
}
