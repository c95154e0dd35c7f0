import VaultStore

/// A filter over the audit log; every criterion is optional.
public struct AuditFilter: Sendable, Equatable {
    /// Entries that touched this subject.
    public var subject: SubjectID?
    public var actor: String?
    public var role: String?
    public var purpose: String?
    public var action: String?
    /// `allowed`, `partial` or `denied`.
    public var decision: String?
    /// Inclusive lower bound (ms since epoch).
    public var from: Int64?
    /// Exclusive upper bound (ms since epoch).
    public var until: Int64?
    /// At most this many entries (newest last).
    public var limit: Int?

    /// No filter.
    public init() {}
}

extension Vault {
    /// The audit entries matching `filter`, in sequence order.
    public func auditEntries(matching filter: AuditFilter) throws -> [AuditEntry] {
        var conditions: [String] = []
        var values: [any DatabaseBindable] = []
        for (column, value) in [
            ("actor", filter.actor), ("role", filter.role), ("purpose", filter.purpose), ("action", filter.action),
            ("decision", filter.decision),
        ] {
            if let value {
                conditions.append("\(column) = ?")
                values.append(value)
            }
        }
        if let from = filter.from {
            conditions.append("at >= ?")
            values.append(from)
        }
        if let until = filter.until {
            conditions.append("at < ?")
            values.append(until)
        }
        var sql = """
            SELECT seq, at, actor, role, os_user, purpose, action, subject_count, subjects_digest, fields, decision,
                reason, prev_hash, hash FROM audit_log
            """
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        if let limit = filter.limit, filter.subject == nil {
            sql = "SELECT * FROM (\(sql) ORDER BY seq DESC LIMIT \(max(0, limit))) ORDER BY seq"
        } else {
            sql += " ORDER BY seq"
        }
        return try store.read { db in
            // A subject filter first finds that subject's entries (AuditSubjectSet.entries).
            let touching = try filter.subject.map { Set(try AuditSubjectSet.entries(touching: $0, in: db)) }
            var entries: [AuditEntry] = []
            try db.forEachRow(sql, values) { row in
                if touching?.contains(row.int64(0)) ?? true { entries.append(AuditEntry(row: row)) }
            }
            if let limit = filter.limit, filter.subject != nil { entries = Array(entries.suffix(max(0, limit))) }
            return entries
        }
    }

    /// The subject ids an audit entry touched (for bulk operations, possibly many).
    public func auditSubjects(ofEntry seq: Int64) throws -> [SubjectID] {
        try store.read { db in
            var ids: [SubjectID] = []
            try db.forEachRow("SELECT subjects FROM audit_log WHERE seq = ?", [seq]) {
                ids = $0.withBlob(0) { AuditSubjectSet.subjects(in: $0) }
            }
            return ids
        }
    }
}

extension Vault {
    /// Streams every audit entry in sequence order (for reports over millions of entries).
    public func forEachAuditEntry(_ body: (AuditEntry) throws -> Void) throws {
        try store.read { db in
            try db.forEachRow(
                """
                SELECT seq, at, actor, role, os_user, purpose, action, subject_count, subjects_digest, fields, decision,
                    reason, prev_hash, hash FROM audit_log ORDER BY seq
                """
            ) { try body(AuditEntry(row: $0)) }
        }
    }
}
