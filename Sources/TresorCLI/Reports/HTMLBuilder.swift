/// Accumulates an HTML document. Every `text` argument is escaped; only `raw` inserts markup as is, and the
/// renderers pass it nothing but their own markup.
struct HTMLBuilder {
    /// The HTML written so far.
    private(set) var html = ""

    init() { html.reserveCapacity(64 * 1024) }

    /// Appends trusted markup.
    mutating func raw(_ markup: String) { html += markup }

    /// Appends escaped text.
    mutating func text(_ text: String) { html += HTMLEscaping.escape(text) }

    /// Appends `<tag attributes>escaped text</tag>`.
    mutating func element(_ tag: String, _ text: String, attributes: [(String, String)] = []) {
        open(tag, attributes: attributes)
        self.text(text)
        close(tag)
    }

    /// Appends an opening tag; attribute values are escaped.
    mutating func open(_ tag: String, attributes: [(String, String)] = []) {
        html += "<" + tag
        for (name, value) in attributes { html += " \(name)=\"\(HTMLEscaping.escape(value))\"" }
        html += ">"
    }

    /// Appends a closing tag.
    mutating func close(_ tag: String) { html += "</\(tag)>" }

    /// Appends a `<section>` with an `<h2>` heading labelling it, and the content `body` writes.
    mutating func section(id: String, title: String, _ body: (inout HTMLBuilder) -> Void) {
        open("section", attributes: [("id", id), ("aria-labelledby", id + "-title")])
        element("h2", title, attributes: [("id", id + "-title")])
        body(&self)
        close("section")
    }

    /// Appends a paragraph with escaped text and an optional class.
    mutating func paragraph(_ text: String, className: String? = nil) {
        element("p", text, attributes: className.map { [("class", $0)] } ?? [])
    }

    /// Appends a table with a caption, column headers (`scope="col"`), and rows; `numeric` marks the columns to
    /// right-align, and `footer` is an optional summary row. With no rows it writes `emptyText` in a paragraph instead.
    mutating func table(
        caption: String, headers: [String], rows: [[HTMLCell]], numeric: Set<Int> = [], emptyText: String,
        footer: [HTMLCell]? = nil, className: String? = nil
    ) {
        guard !rows.isEmpty else {
            paragraph(emptyText, className: "empty")
            return
        }
        raw("<div class=\"table-wrap\">")
        open("table", attributes: className.map { [("class", $0)] } ?? [])
        element("caption", caption)
        raw("<thead><tr>")
        for (index, header) in headers.enumerated() {
            element(
                "th", header,
                attributes: numeric.contains(index) ? [("scope", "col"), ("class", "num")] : [("scope", "col")])
        }
        raw("</tr></thead><tbody>\n")
        for row in rows { self.row(row, cell: "td") }
        raw("</tbody>")
        if let footer {
            raw("<tfoot>")
            self.row(footer, cell: "th")
            raw("</tfoot>")
        }
        raw("</table></div>\n")
    }

    /// Appends one `<tr>` of `cell` elements (`td`, or `th` for a footer row).
    private mutating func row(_ cells: [HTMLCell], cell tag: String) {
        raw("<tr>")
        for cell in cells {
            if let className = cell.className { raw("<\(tag) class=\"\(className)\">") } else { raw("<\(tag)>") }
            raw(cell.html)
            raw("</\(tag)>")
        }
        raw("</tr>\n")
    }

    /// Appends a definition list of label and value pairs (`<dl class="facts">`); values are escaped.
    mutating func facts(_ pairs: [(String, String)]) {
        raw("<dl class=\"facts\">")
        for (label, value) in pairs {
            element("dt", label)
            element("dd", value)
        }
        raw("</dl>\n")
    }
}
