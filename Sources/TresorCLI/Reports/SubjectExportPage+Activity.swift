import Vault

extension SubjectExportPage {
    /// "Consents": the whole consent ledger of the subject, oldest first.
    static func writeConsents(_ export: SubjectExport, _ s: ExportStrings, into html: inout HTMLBuilder) {
        html.section(id: "consents", title: s.consentsHeading) { html in
            html.paragraph(s.consentsIntro)
            let consents = export.consents.enumerated().sorted {
                ($0.element.seq, $0.offset) < ($1.element.seq, $1.offset)
            }
            let rows: [[HTMLCell]] = consents.map { _, consent in
                [
                    named(consent.purpose, s.name(consent.purpose, in: \.purposeNames)),
                    tag(s.name(consent.status, in: \.consentStatuses), consentTone(consent.status)),
                    consentText(version: consent.textVersion, hash: consent.textHash, s),
                    .text(s.name(consent.source, in: \.sources)), .time(consent.collectedAt),
                    optionalTime(consent.expiresAt, s), .text(s.name(consent.givenBy, in: \.givers)),
                ]
            }
            html.table(
                caption: s.consentsCaption,
                headers: [
                    s.purposeColumn, s.statusColumn, s.consentTextColumn, s.collectedViaColumn, s.dateColumn,
                    s.expiresColumn, s.givenByColumn,
                ], rows: rows, emptyText: s.consentsEmpty)
        }
    }

    /// "Segments, campaigns and messages": module records.
    static func writeModuleRecords(_ export: SubjectExport, _ s: ExportStrings, into html: inout HTMLBuilder) {
        html.section(id: "inclusions", title: s.modulesHeading) { html in
            html.paragraph(s.modulesIntro)
            let rows: [[HTMLCell]] = export.moduleRecords.map {
                [
                    .text(s.name($0.module, in: \.modules)), .text(s.name($0.kind, in: \.moduleKinds)), .code($0.key),
                    .time($0.updatedAt),
                ]
            }
            html.table(
                caption: s.modulesCaption, headers: [s.moduleColumn, s.kindColumn, s.keyColumn, s.updatedColumn],
                rows: rows, emptyText: s.modulesEmpty)
        }
    }

    /// "Who accessed your data": the audit entries about the subject, newest first, at most `rowLimit`.
    static func writeAccessLog(_ export: SubjectExport, _ s: ExportStrings, into html: inout HTMLBuilder) {
        html.section(id: "access", title: s.accessHeading) { html in
            html.paragraph(s.accessIntro)
            let newest = export.accessLog.enumerated()
                .sorted { ($0.element.seq, $0.offset) > ($1.element.seq, $1.offset) }
                .prefix(rowLimit)
            let rows: [[HTMLCell]] = newest.map { _, access in
                [
                    .time(access.at), who(actor: access.actor, role: access.role, s),
                    named(access.purpose, s.name(access.purpose, in: \.purposeNames)),
                    .text(s.name(access.action, in: \.actions)),
                    tag(s.name(access.decision, in: \.decisions), decisionTone(access.decision)),
                ]
            }
            let total = export.accessLog.count
            html.table(
                caption: total > rows.count ? s.latestRows(rows.count, total) : s.accessCaption,
                headers: [s.whenColumn, s.whoColumn, s.purposeColumn, s.actionColumn, s.decisionColumn], rows: rows,
                emptyText: s.accessEmpty)
            if total > rows.count { html.paragraph(s.moreInJSON(total - rows.count), className: "note") }
        }
    }

    /// The actor's human name with the actor code and kind below.
    static func who(actor: String, role: String, _ s: ExportStrings) -> HTMLCell {
        let name = s.name(actor, in: \.actors)
        let detail = "\(actor) · \(s.name(role, in: \.roles))"
        return .markup("\(HTMLEscaping.escape(name))<span class=\"sub\">\(HTMLEscaping.escape(detail))</span>")
    }

    /// The consent text version and the start of its hash.
    static func consentText(version: String, hash: String, _ s: ExportStrings) -> HTMLCell {
        var html = "<code>\(HTMLEscaping.escape(version))</code>"
        if !hash.isEmpty {
            let short = String(hash.prefix(12))
            html +=
                "<span class=\"sub\">\(HTMLEscaping.escape(s.textFingerprint)) "
                + "<code title=\"\(HTMLEscaping.escape(hash))\">\(HTMLEscaping.escape(short))</code></span>"
        }
        return .markup(html)
    }

    /// The tag colour of a consent status.
    static func consentTone(_ status: String) -> String {
        switch status {
        case "granted": "good"
        case "withdrawn", "refused": "warn"
        default: "neutral"
        }
    }

    /// The tag colour of an access decision.
    static func decisionTone(_ decision: String) -> String {
        switch decision {
        case "allowed": "good"
        case "partial": "warn"
        case "denied": "bad"
        default: "neutral"
        }
    }
}
