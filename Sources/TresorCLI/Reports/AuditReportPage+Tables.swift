extension AuditReportPage {
    /// The latest denials.
    static func writeDenials(_ summary: AuditReportSummary, into html: inout HTMLBuilder) {
        html.section(id: "denials", title: "Denials") { html in
            let rows: [[HTMLCell]] = summary.latestDenials.map {
                [
                    sequence($0.seq), .time(milliseconds: $0.at), .text($0.actor), .code($0.purpose), .text($0.action),
                    .number($0.subjectCount), .text($0.reason),
                ]
            }
            html.table(
                caption: caption(shown: rows.count, total: summary.deniedCount, noun: "denials"),
                headers: ["Seq", "Time", "Actor", "Purpose", "Action", "Subjects", "Reason"], rows: rows,
                numeric: [0, 5], emptyText: "No access was denied.")
        }
    }

    /// The latest bulk operations: several subjects, scans, erasures and exports.
    static func writeBulkOperations(_ summary: AuditReportSummary, into html: inout HTMLBuilder) {
        html.section(id: "bulk", title: "Bulk operations") { html in
            html.paragraph("Entries that touched more than one subject, and every scan, erasure and export.")
            let rows: [[HTMLCell]] = summary.latestBulkOperations.map {
                [
                    sequence($0.seq), .time(milliseconds: $0.at), .text($0.actor), .code($0.purpose), .text($0.action),
                    .number($0.subjectCount), decision($0.decision),
                ]
            }
            html.table(
                caption: caption(shown: rows.count, total: summary.bulkCount, noun: "bulk operations"),
                headers: ["Seq", "Time", "Actor", "Purpose", "Action", "Subjects", "Decision"], rows: rows,
                numeric: [0, 5], emptyText: "No bulk operation was recorded.")
        }
    }

    /// The newest entries.
    static func writeNewest(_ summary: AuditReportSummary, into html: inout HTMLBuilder) {
        html.section(id: "newest", title: "Newest entries") { html in
            let rows: [[HTMLCell]] = summary.newestEntries.map {
                [
                    sequence($0.seq), .time(milliseconds: $0.at), .text($0.actor), .text($0.role), .code($0.purpose),
                    .text($0.action), .number($0.subjectCount), decision($0.decision), .text($0.reason),
                ]
            }
            html.table(
                caption: caption(shown: rows.count, total: summary.entryCount, noun: "entries"),
                headers: ["Seq", "Time", "Actor", "Kind", "Purpose", "Action", "Subjects", "Decision", "Reason"],
                rows: rows, numeric: [0, 6], emptyText: "The audit log has no entries.")
        }
    }

    /// "All N nouns, newest first" or "Latest n of N nouns, newest first".
    static func caption(shown: Int, total: Int64, noun: String) -> String {
        Int64(shown) < total
            ? "Latest \(ReportNumber.grouped(shown)) of \(ReportNumber.grouped(total)) \(noun), newest first"
            : "All \(ReportNumber.grouped(total)) \(noun), newest first"
    }

    /// A coloured decision tag.
    static func decision(_ decision: String) -> HTMLCell {
        SubjectExportPage.tag(decision, SubjectExportPage.decisionTone(decision))
    }
}
