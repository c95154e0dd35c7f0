/// The frame both report pages share: doctype, language, character set, a content security policy that
/// forbids scripts and every external resource, the inline style sheet, and a `<main>` landmark.
enum ReportDocument {
    /// A complete UTF-8 HTML document in language `language` with the title `title` around `body`.
    static func wrap(language: String, title: String, body: String) -> String {
        var document = ""
        document.reserveCapacity(body.utf8.count + ReportStyleSheet.css.utf8.count + 1024)
        document += "<!DOCTYPE html>\n<html lang=\"\(HTMLEscaping.escape(language))\">\n<head>\n"
        document += "<meta charset=\"utf-8\">\n"
        document += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        document +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        document += "<meta name=\"referrer\" content=\"no-referrer\">\n"
        document += "<meta name=\"generator\" content=\"Tresor\">\n"
        document += "<title>\(HTMLEscaping.escape(title))</title>\n"
        document += "<style>\n\(ReportStyleSheet.css)</style>\n</head>\n<body>\n<main>\n"
        document += body
        document += "</main>\n</body>\n</html>\n"
        return document
    }
}
