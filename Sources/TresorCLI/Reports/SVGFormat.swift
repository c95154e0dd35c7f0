/// Number and text helpers for the hand-written SVG charts.
enum SVGFormat {
    /// `value` rounded to one decimal, without a trailing ".0" ("12", "12.5").
    static func number(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = tenths.magnitude / 10
        let fraction = tenths.magnitude % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// The approximate width of `text` at 12 px in a sans-serif font, in points.
    static func textWidth(_ text: String, fontSize: Double = 12) -> Double {
        Double(text.count) * fontSize * 0.58
    }

    /// `text` cut to `limit` characters with an ellipsis.
    static func truncated(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// The opening `<svg>` tag of an accessible chart labelled by its `<title>` and `<desc>`, with both.
    static func open(id: String, width: Double, height: Double, title: String, description: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"\(number(width))\" height=\"\(number(height))\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"system-ui, -apple-system, 'Segoe UI', "
            + "Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif\" font-size=\"12\" "
            + "fill=\"\(ChartPalette.text)\">\n"
            + "<title id=\"\(id)-title\">\(HTMLEscaping.escape(title))</title>\n"
            + "<desc id=\"\(id)-desc\">\(HTMLEscaping.escape(description))</desc>\n"
    }

    /// A legend: one swatch and name per series, in rows that wrap at `width`, starting at (`x`, `y`).
    /// Returns the markup and the height it takes.
    static func legend(_ series: [ChartSeries], x: Double, y: Double, width: Double) -> (svg: String, height: Double) {
        var svg = "<g aria-hidden=\"true\">\n"
        var cursorX = x
        var cursorY = y
        for item in series {
            let itemWidth = 14 + 6 + textWidth(item.name) + 18
            if cursorX > x && cursorX + itemWidth > x + width {
                cursorX = x
                cursorY += 20
            }
            svg +=
                "<rect x=\"\(number(cursorX))\" y=\"\(number(cursorY))\" width=\"14\" height=\"14\" rx=\"2\" "
                + "fill=\"\(item.color)\"/>"
                + "<text x=\"\(number(cursorX + 20))\" y=\"\(number(cursorY + 11))\">"
                + "\(HTMLEscaping.escape(item.name))</text>\n"
            cursorX += itemWidth
        }
        svg += "</g>\n"
        return (svg, series.isEmpty ? 0 : cursorY - y + 20)
    }
}
