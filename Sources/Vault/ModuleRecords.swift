import Foundation
import VaultStore

/// A record that an upper module keeps (segment membership, campaign, queued message, merge log
/// entry). It must hold no personal value: random ids, names of segments, counts, times. Records
/// keyed by a subject are removed when that subject is erased.
public struct ModuleRecord: Sendable, Equatable {
    public var module: String
    public var kind: String
    public var key: String
    public var subject: SubjectID?
    public var body: [UInt8]
    public var updatedAt: Int64

    /// Creates a record.
    public init(module: String, kind: String, key: String, subject: SubjectID?, body: [UInt8], updatedAt: Int64 = 0) {
        self.module = module
        self.kind = kind
        self.key = key
        self.subject = subject
        self.body = body
        self.updatedAt = updatedAt
    }

    /// The kind prefix of a queued outgoing message: `queued:<purpose>`; withdrawal of consent
    /// and objection cancel matching records at once.
    public static func queuedKind(purpose: String) -> String { "queued:\(purpose)" }
}

extension Vault {
    /// Stores (or replaces) module records in one transaction.
    public func putModuleRecords(_ records: [ModuleRecord]) throws {
        try store.write { db in
            let now = clock.now()
            for record in records {
                try db.run(
                    """
                    INSERT INTO module_records (module, kind, key, subject, body, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (module, kind, key) DO UPDATE SET subject = excluded.subject, body = excluded.body,
                        updated_at = excluded.updated_at
                    """, [record.module, record.kind, record.key, record.subject?.bytes, record.body, now])
            }
        }
    }

    /// The records of `module` (optionally of one `kind`, or of one subject).
    public func moduleRecords(module: String, kind: String? = nil, subject: SubjectID? = nil) throws -> [ModuleRecord] {
        try store.read { db in
            var sql = "SELECT module, kind, key, subject, body, updated_at FROM module_records WHERE module = ?"
            var values: [any DatabaseBindable] = [module]
            if let kind {
                sql += " AND kind = ?"
                values.append(kind)
            }
            if let subject {
                sql += " AND subject = ?"
                values.append(subject.bytes)
            }
            return try Self.readModuleRecords(sql + " ORDER BY kind, key", values, db)
        }
    }

    /// Every module record of one subject (for exports).
    func moduleRecords(of subject: SubjectID, in db: Connection) throws -> [ModuleRecord] {
        try Self.readModuleRecords(
            "SELECT module, kind, key, subject, body, updated_at FROM module_records WHERE subject = ? ORDER BY module, kind, key",
            [subject.bytes], db)
    }

    /// Deletes queued messages of `subject` whose purpose starts with `purposePrefix`; returns how many.
    func cancelQueued(_ subject: SubjectID, purposePrefix: String, in db: Connection) throws -> Int {
        try db.run(
            "DELETE FROM module_records WHERE subject = ? AND kind LIKE ? ESCAPE '\\'",
            [
                subject.bytes,
                ModuleRecord.queuedKind(purpose: purposePrefix).replacingOccurrences(of: "%", with: "\\%") + "%",
            ])
        return db.changes
    }

    private static func readModuleRecords(_ sql: String, _ values: [any DatabaseBindable], _ db: Connection) throws
        -> [ModuleRecord]
    {
        var records: [ModuleRecord] = []
        try db.forEachRow(sql, values) { row in
            records.append(
                ModuleRecord(
                    module: row.text(0) ?? "", kind: row.text(1) ?? "", key: row.text(2) ?? "",
                    subject: row.isNull(3) ? nil : SubjectID(bytes: row.blob(3)), body: row.blob(4),
                    updatedAt: row.int64(5)))
        }
        return records
    }
}
