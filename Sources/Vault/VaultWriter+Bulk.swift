public import Normalization
import VaultCrypto
import VaultStore

/// Bulk forms of the per-row writes, for imports: the same rows and the same audit entry as the
/// single calls made one after the other, but written in key order. With random subject ids and
/// keyed tokens, arrival order sends every insert to a random place in its index; key order walks
/// each index in one direction, which takes SQLite about half the time. (Text is ordered as
/// `String` orders it, which is SQLite's byte order for ASCII; any consistent order would do.)
extension VaultWriter {
    /// One field value for `setFields`.
    public struct FieldWrite: Sendable {
        public var subject: SubjectID
        public var field: String
        public var value: FieldValue
        public var source: String

        /// A value of `field` of `subject` that came from `source`.
        public init(subject: SubjectID, field: String, value: FieldValue, source: String) {
            self.subject = subject
            self.field = field
            self.value = value
            self.source = source
        }
    }

    /// Encrypts and stores the values as `setField` called for each in turn would: a later value of
    /// the same subject and field replaces an earlier one, and the audit entry lists the field names
    /// in the order given.
    public func setFields(_ writes: [FieldWrite]) throws {
        for write in writes { note(write.subject, field: write.field) }
        let order = writes.indices.sorted { a, b in
            let x = writes[a]
            let y = writes[b]
            if x.subject != y.subject { return x.subject < y.subject }
            if x.field != y.field { return x.field < y.field }
            return a < b
        }
        // For one subject and field, the last value only.
        var last: [Int] = []
        last.reserveCapacity(order.count)
        for (position, index) in order.enumerated() {
            if position + 1 < order.count {
                let next = writes[order[position + 1]]
                if next.subject == writes[index].subject && next.field == writes[index].field { continue }
            }
            last.append(index)
        }
        var keyOf: (subject: SubjectID, key: DataKey, version: UInt32)?
        try insertRows(last.count, into: .fields) { upsert, row, first in
            let write = writes[last[row]]
            if keyOf?.subject != write.subject {
                let record = try record(write.subject)
                let key = try vault.keyring.dataKey(
                    for: write.subject, version: record.keyVersion, wrapped: record.wrappedKey)
                keyOf = (write.subject, key, record.keyVersion)
            }
            guard let (_, key, version) = keyOf else { return }
            let sealed = try AEAD.seal(
                write.value.encoded(), key: key, keyVersion: version,
                associatedData: Binding.field(write.subject, write.field))
            try write.subject.withBytes { try upsert.bind(raw: $0, at: first) }
            try upsert.bind(write.field, at: first + 1)
            try upsert.bind(sealed, at: first + 2)
            try upsert.bind(write.source, at: first + 3)
            try upsert.bind(now, at: first + 4)
        }
    }

    /// One identity for `link(_:)`: a normalised value of `kind` and the subject it belongs to.
    public struct IdentityLink: Sendable {
        public var kind: IdentityKind
        public var normalized: String
        public var subject: SubjectID

        /// Links the normalised `value` of `kind` to `subject`.
        public init(_ kind: IdentityKind, normalized value: String, to subject: SubjectID) {
            self.kind = kind
            self.normalized = value
            self.subject = subject
        }
    }

    /// Links the identities as `link(_:normalized:to:)` called for each in turn would.
    public func link(_ links: [IdentityLink]) throws {
        var rows: [(kind: IdentityKind, token: [UInt8], subject: SubjectID)] = []
        rows.reserveCapacity(links.count)
        for link in links {
            _ = try record(link.subject)
            rows.append(
                (
                    link.kind, vault.keyring.indexer.token(domain: link.kind.rawValue, value: link.normalized),
                    link.subject
                )
            )
            touched.insert(link.subject)
        }
        rows.sort { x, y in
            if x.kind != y.kind { return x.kind.rawValue < y.kind.rawValue }
            if x.token != y.token { return x.token.lexicographicallyPrecedes(y.token) }
            return x.subject < y.subject
        }
        try insertRows(rows.count, into: .identities) { insert, index, first in
            let row = rows[index]
            try insert.bind(row.kind.rawValue, at: first)
            try insert.bind(row.token, at: first + 1)
            try row.subject.withBytes { try insert.bind(raw: $0, at: first + 2) }
            try insert.bind(now, at: first + 3)
        }
    }

    /// One source record for `recordSources(_:)`.
    public struct SourceRecord: Sendable {
        public var source: String
        public var recordID: String
        public var subject: SubjectID

        /// Record `recordID` of `source`, resolved to `subject`.
        public init(source: String, recordID: String, subject: SubjectID) {
            self.source = source
            self.recordID = recordID
            self.subject = subject
        }
    }

    /// Records the source records as `recordSource(_:recordID:subject:)` called for each in turn
    /// would (the last of two with the same source and id wins).
    public func recordSources(_ records: [SourceRecord]) throws {
        let order = records.indices.sorted { a, b in
            let x = records[a]
            let y = records[b]
            if x.source != y.source { return x.source < y.source }
            if x.recordID != y.recordID { return x.recordID < y.recordID }
            return a < b
        }
        try insertRows(order.count, into: .sourceRecords) { insert, row, first in
            let record = records[order[row]]
            try insert.bind(record.source, at: first)
            try insert.bind(record.recordID, at: first + 1)
            try record.subject.withBytes { try insert.bind(raw: $0, at: first + 2) }
            try insert.bind(now, at: first + 3)
            touched.insert(record.subject)
        }
    }

    /// The tables the bulk writes insert into, each with its multi-row INSERT.
    enum BulkTable {
        case fields, identities, sourceRecords

        var columns: Int { self == .fields ? 5 : 4 }

        /// The INSERT of `rows` rows: the single-row statement of `WriterSQL` with more VALUES.
        func sql(rows: Int) -> String {
            guard rows != VaultWriter.rowsPerInsert else {
                switch self {
                case .fields: return Self.fullFields
                case .identities: return Self.fullIdentities
                case .sourceRecords: return Self.fullSourceRecords
                }
            }
            return makeSQL(rows: rows)
        }

        static let fullFields = BulkTable.fields.makeSQL(rows: VaultWriter.rowsPerInsert)
        static let fullIdentities = BulkTable.identities.makeSQL(rows: VaultWriter.rowsPerInsert)
        static let fullSourceRecords = BulkTable.sourceRecords.makeSQL(rows: VaultWriter.rowsPerInsert)

        private func makeSQL(rows: Int) -> String {
            let values = Array(
                repeating: "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")", count: rows
            )
            .joined(separator: ", ")
            switch self {
            case .fields:
                return """
                    INSERT INTO fields (subject, field, value, source, updated_at) VALUES \(values)
                    ON CONFLICT (subject, field) DO UPDATE SET value = excluded.value, source = excluded.source,
                        updated_at = excluded.updated_at
                    """
            case .identities:
                return "INSERT OR IGNORE INTO identities (kind, token, subject, created_at) VALUES \(values)"
            case .sourceRecords:
                return
                    "INSERT OR REPLACE INTO source_records (source, record_id, subject, imported_at) VALUES \(values)"
            }
        }
    }

    /// Rows per multi-row INSERT: each statement's fixed cost (start, statement journal, halt,
    /// reset) is paid once for this many rows.
    static let rowsPerInsert = 64

    /// Inserts `count` rows into `table`, `rowsPerInsert` per statement, in order: `bind` binds row
    /// `row` from parameter `first` on.
    func insertRows(
        _ count: Int, into table: BulkTable, bind: (_ statement: Statement, _ row: Int, _ first: Int32) throws -> Void
    ) throws {
        var start = 0
        while start < count {
            let rows = min(Self.rowsPerInsert, count - start)
            let insert = try db.statement(table.sql(rows: rows))
            for row in 0..<rows { try bind(insert, start + row, Int32(row * table.columns + 1)) }
            try run(insert)
            start += rows
        }
    }
}
