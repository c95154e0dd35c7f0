import VaultStore

/// A subject's row: metadata in the clear and its wrapped data key. Internal to the vault.
struct SubjectRecord {
    let id: SubjectID
    var jurisdiction: String
    var createdAt: Int64
    var updatedAt: Int64
    var restricted: Bool
    var objectedToMarketing: Bool
    var objectedToProcessing: Bool
    var keyVersion: UInt32
    var wrappedKey: [UInt8]

    static let columns =
        "id, jurisdiction, created_at, updated_at, restricted, objected_marketing, objected_processing, key_version, wrapped_key"

    init(
        id: SubjectID, jurisdiction: String, createdAt: Int64, updatedAt: Int64, restricted: Bool,
        objectedToMarketing: Bool, objectedToProcessing: Bool, keyVersion: UInt32, wrappedKey: [UInt8]
    ) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.restricted = restricted
        self.objectedToMarketing = objectedToMarketing
        self.objectedToProcessing = objectedToProcessing
        self.keyVersion = keyVersion
        self.wrappedKey = wrappedKey
    }

    init(row: Statement) {
        id = row.subjectID(0)
        jurisdiction = row.text(1) ?? ""
        createdAt = row.int64(2)
        updatedAt = row.int64(3)
        restricted = row.int64(4) != 0
        objectedToMarketing = row.int64(5) != 0
        objectedToProcessing = row.int64(6) != 0
        keyVersion = UInt32(row.int64(7))
        wrappedKey = row.blob(8)
    }

    private static let load = StatementKey("SELECT \(columns) FROM subjects WHERE id = ?")

    /// Loads one subject, or nil.
    static func load(_ id: SubjectID, in db: Connection) throws -> SubjectRecord? {
        let statement = try db.statement(load)
        try statement.bind(id, at: 1)
        defer { statement.reset() }
        return try statement.step() ? SubjectRecord(row: statement) : nil
    }
}

/// The subject's state as the public API shows it (no personal values).
public struct SubjectInfo: Sendable, Equatable, Codable {
    /// The subject's id.
    public let id: SubjectID
    /// `gdpr`, `152fz`...
    public let jurisdiction: String
    /// Creation time (ms since epoch).
    public let createdAt: Int64
    /// Last change (ms since epoch).
    public let updatedAt: Int64
    /// Processing restricted (GDPR Art. 18 / 152-FZ blocking).
    public let restricted: Bool
    /// Objected to direct marketing.
    public let objectedToMarketing: Bool
    /// Objected to processing based on legitimate interest.
    public let objectedToProcessing: Bool
    /// Current data-key version.
    public let keyVersion: Int

    init(_ record: SubjectRecord) {
        id = record.id
        jurisdiction = record.jurisdiction
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        restricted = record.restricted
        objectedToMarketing = record.objectedToMarketing
        objectedToProcessing = record.objectedToProcessing
        keyVersion = Int(record.keyVersion)
    }
}
