import VaultCrypto
import VaultStore

/// A decrypted event. Internal: upper modules receive events only through `Access`.
struct StoredEvent {
    let id: Int64
    let subject: SubjectID
    let type: String
    let at: Int64
    let source: String
    let properties: [UInt8]
}

/// A field value with where it came from.
struct StoredField {
    let name: String
    let value: FieldValue
    let source: String
    /// When it was written and rectified; read only when asked for (`decryptFields(withTimes:)`).
    let times: FieldTimes?
}

/// When a stored field value was last written and, if ever, rectified (ms since epoch).
struct FieldTimes {
    let updatedAt: Int64
    let rectifiedAt: Int64?
}

/// The vault's internal reading API: decryption happens only here, and only `Access`, the
/// data-subject-request workflows and erasure call it.
extension Vault {
    /// Decrypts the given fields of one subject (all stored fields when `names` is nil), with
    /// their source and, when `withTimes`, when they were written and rectified.
    func decryptFields(of record: SubjectRecord, names: Set<String>?, withTimes: Bool = false, in db: Connection)
        throws -> [StoredField]
    {
        let statement = try db.statement(ProfileSQL.select)
        try statement.bind(record.id, at: 1)
        defer { statement.reset() }
        guard try statement.step() else { return [] }
        let key = try keyring.dataKey(for: record.id, version: record.keyVersion, wrapped: record.wrappedKey)
        let decryptor = FieldDecryptor(
            subject: record.id, key: key, subkeys: subkeys, filter: names.map(FieldNameFilter.init),
            withTimes: withTimes,
            texts: (fieldNames, fieldSources))
        var result: [StoredField] = []
        result.reserveCapacity(names?.count ?? 32)
        try ProfileBody.forEach(statement.columnBytes(0), subject: record.id) { entry, position in
            if let field = try decryptor.field(of: entry, position: position) { result.append(field) }
        }
        return result
    }

    /// Decrypts a subject's events in time order (optionally only types in `types`, and since `since`).
    func decryptEvents(of record: SubjectRecord, since: Int64? = nil, in db: Connection) throws -> [StoredEvent] {
        let key = try keyring.dataKey(for: record.id, version: record.keyVersion, wrapped: record.wrappedKey)
        var result: [StoredEvent] = []
        try db.forEachRow(
            "SELECT id, type, at, source, message, properties FROM events WHERE subject = ? AND at >= ? ORDER BY at, id",
            [record.id.bytes, since ?? Int64.min]
        ) { row in
            let message = row.blob(4)
            let properties: [UInt8]
            do {
                properties = try AEAD.open(
                    row.blob(5), key: key, associatedData: Binding.event(record.id, message: message), subkeys: subkeys)
            } catch {
                throw VaultError(.integrity, "event \(row.int64(0)) of subject \(record.id) fails authentication")
            }
            result.append(
                StoredEvent(
                    id: row.int64(0), subject: record.id, type: row.text(1) ?? "", at: row.int64(2),
                    source: row.text(3) ?? "", properties: properties))
        }
        return result
    }

    /// Public metadata of a subject (no personal values), or nil.
    public func subjectInfo(_ subject: SubjectID) throws -> SubjectInfo? {
        try store.read { db in try SubjectRecord.load(subject, in: db).map(SubjectInfo.init) }
    }

    /// Counts of what the vault holds (no personal values).
    public func statistics() throws -> VaultStatistics {
        try store.read { db in
            VaultStatistics(
                subjects: Int(try db.scalarInt("SELECT count(*) FROM subjects") ?? 0),
                fieldValues: Int(try db.scalarInt("SELECT coalesce(sum(field_count), 0) FROM profiles") ?? 0),
                identities: Int(try db.scalarInt("SELECT count(*) FROM identities") ?? 0),
                events: Int(try db.scalarInt("SELECT count(*) FROM events") ?? 0),
                auditEntries: Int(try db.scalarInt("SELECT count(*) FROM audit_log") ?? 0))
        }
    }
}

/// What a vault holds, in counts.
public struct VaultStatistics: Sendable, Equatable, Codable {
    public let subjects: Int
    public let fieldValues: Int
    public let identities: Int
    public let events: Int
    public let auditEntries: Int
}

extension Vault {
    /// Every imported source record with the subject it resolved to (`tresor profile links`):
    /// source names and source-system record ids, no personal values.
    public func sourceLinks(_ body: (String, String, SubjectID) throws -> Void) throws {
        try store.read { db in
            try db.forEachRow("SELECT source, record_id, subject FROM source_records ORDER BY source, record_id") {
                try body($0.text(0) ?? "", $0.text(1) ?? "", SubjectID(bytes: $0.blob(2)) ?? .malformed)
            }
        }
    }
}
