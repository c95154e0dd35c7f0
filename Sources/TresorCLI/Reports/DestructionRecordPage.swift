import Vault

/// The printable page of a destruction record: for 152-FZ the act of destruction with the items
/// of Roskomnadzor Order No. 179 (in Russian and English), for the GDPR the erasure record.
enum DestructionRecordPage {
    static func render(_ record: DestructionRecord, signature: String, publicKey: String) -> String {
        let isAct = record.regime == "152fz"
        let title =
            isAct
            ? "Акт об уничтожении персональных данных / Act of destruction of personal data"
            : "Erasure record (GDPR Art. 17, Art. 5(2))"
        // A 152-FZ act is bilingual (Russian for Roskomnadzor); a GDPR record is in English.
        func label(_ russian: String, _ english: String) -> String { isAct ? "\(russian) / \(english)" : english }
        var rows: [(String, String)] = [
            (label("Оператор", "Operator"), "\(record.operatorName), \(record.operatorAddress)"),
            (
                label("Субъект", "Data subject"),
                [record.subjectName, "id \(record.subjectID)"].compactMap { $0 }.joined(separator: ", ")
            ),
            (label("Категории данных", "Categories of data"), record.categories.joined(separator: "; ")),
            (label("Информационная система", "Information system"), record.informationSystem),
            (label("Способ уничтожения", "Method"), record.method),
            (label("Причина", "Reason"), record.reason),
            (label("Дата", "Date"), record.destroyedAt),
            (label("Исполнитель", "Performed by"), record.performedBy),
            (
                label("Выписка из журнала", "Event-log extract"),
                "audit entry \(record.auditSequence), hash \(record.auditHash)"
            ),
        ]
        if !record.held.isEmpty {
            rows.append(
                (
                    label("Сохранено по закону", "Held by law"),
                    record.held.map { "\($0.category) until \($0.until.prefix(10)): \($0.reason)" }.joined(
                        separator: "; ")
                ))
        }
        rows.append(
            (
                label("Удалено", "Removed"),
                record.counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            ))
        let body = rows.map {
            "<tr><th scope=\"row\">\(HTMLEscaping.escape($0.0))</th><td>\(HTMLEscaping.escape($0.1))</td></tr>"
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="\(isAct ? "ru" : "en")"><head><meta charset="utf-8"><title>\(HTMLEscaping.escape(record.id))</title>
            <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#1a1a1a}
            th{text-align:left;vertical-align:top;padding:.4rem 1rem .4rem 0;width:18rem;color:#333}
            td{padding:.4rem 0}table{border-collapse:collapse}tr{border-bottom:1px solid #ddd}
            code{word-break:break-all;font-size:.8rem}</style></head>
            <body><h1>\(HTMLEscaping.escape(title))</h1><p>\(HTMLEscaping.escape(record.id))</p>
            <table>\(body)</table>
            <h2>\(isAct ? "Подпись / Signature" : "Signature") (Ed25519)</h2><p><code>\(HTMLEscaping.escape(signature))</code></p>
            <p>Public key: <code>\(HTMLEscaping.escape(publicKey))</code></p>
            </body></html>
            """
    }
}
