import Foundation
import SampleData
import Vault
import VaultStore

/// A plaintext copy of the main vault's profiles in a separate SQLite file with the same table
/// shapes (subjects, fields keyed by subject and field name), for the bulk-scan baseline.
/// It holds synthetic data only and lives in the scratch folder.
final class PlaintextProfileCopy {
    private let store: Store

    private init(store: Store) { self.store = store }

    static let schema = Migration(
        version: 1, name: "plaintext profiles",
        sql: """
            CREATE TABLE subjects (
                id BLOB PRIMARY KEY,
                jurisdiction TEXT NOT NULL,
                created_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE fields (
                subject BLOB NOT NULL,
                field TEXT NOT NULL,
                value TEXT NOT NULL,
                source TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (subject, field)
            ) WITHOUT ROWID;
            """)

    /// Writes the copy of `fixture`'s profiles to `path` (replacing any file there).
    static func build(at path: URL, from fixture: MainVaultFixture) throws -> PlaintextProfileCopy {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path.path + suffix) }
        let store = try Store(path: path.path, durability: .normal, migrations: [schema])
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var next = 0
        while next < fixture.subjects.count {
            let range = next..<min(fixture.subjects.count, next + 10_000)
            try store.write { db in
                let subject = try db.statement("INSERT INTO subjects (id, jurisdiction, created_at) VALUES (?, ?, ?)")
                let field = try db.statement(
                    "INSERT INTO fields (subject, field, value, source, updated_at) VALUES (?, ?, ?, ?, ?)")
                for index in range {
                    let id = fixture.subjects[index].bytes
                    let person = fixture.people[index % fixture.people.count]
                    try subject.execute([id, person.jurisdiction.rawValue, now])
                    for (name, value) in fixture.values(ofSubjectAt: index) {
                        try field.execute([id, name, value.text, "crm", now])
                    }
                }
            }
            next = range.upperBound
        }
        return PlaintextProfileCopy(store: store)
    }

    /// Reads each subject's row and all its fields the way `VaultProbe.profileReadLatencies` does,
    /// without decryption; returns each read's latency in nanoseconds.
    func profileReadLatencies(ids: [[UInt8]]) throws -> [UInt64] {
        try store.read { db in
            let subjectRow = try db.statement("SELECT id, jurisdiction, created_at FROM subjects WHERE id = ?")
            // The columns the vault's profile read selects: name, value and source.
            let fieldRows = try db.statement("SELECT field, value, source FROM fields WHERE subject = ?")
            var latencies: [UInt64] = []
            latencies.reserveCapacity(ids.count)
            var fieldCount = 0
            for id in ids {
                let start = ContinuousClock.now
                try subjectRow.bind(id, at: 1)
                guard try subjectRow.step() else { continue }
                let jurisdiction = subjectRow.text(1) ?? ""
                subjectRow.reset()
                try fieldRows.bind(id, at: 1)
                var fields: [(String, String, String)] = []
                while try fieldRows.step() {
                    fields.append((fieldRows.text(0) ?? "", fieldRows.text(1) ?? "", fieldRows.text(2) ?? ""))
                }
                fieldRows.reset()
                fieldCount += fields.count + (jurisdiction.isEmpty ? 0 : 1)
                latencies.append((ContinuousClock.now - start).nanoseconds)
            }
            guard fieldCount > 0 || ids.isEmpty else { throw BenchError("the plaintext copy holds no field") }
            return latencies
        }
    }

    /// Streams `fields` of every subject (its 16-byte id, jurisdiction and values), the way
    /// `Access.scan` does it but without policy, audit or decryption; returns the number of records.
    ///
    /// The id stays raw bytes: `SubjectID.init?(bytes:)` is generic and, called from outside the
    /// Vault module, runs unspecialised at about 3 µs a call — more than the rest of a row's work.
    @discardableResult
    func scan(fields: [String], _ body: ([UInt8], String, [String: String]) throws -> Void) throws -> Int {
        let wanted = Set(fields)
        var records = 0
        try store.read { db in
            let statement = try db.statement(
                "SELECT s.id, s.jurisdiction, f.field, f.value FROM subjects s JOIN fields f ON f.subject = s.id ORDER BY s.id"
            )
            defer { statement.reset() }
            var current: [UInt8]?
            var jurisdiction = ""
            var values: [String: String] = [:]
            func flush() throws {
                if let current {
                    try body(current, jurisdiction, values)
                    records += 1
                }
                values = [:]
            }
            while try statement.step() {
                let id = statement.blob(0)
                if id != current {
                    try flush()
                    current = id
                    jurisdiction = statement.text(1) ?? ""
                }
                guard let name = statement.text(2), wanted.contains(name) else { continue }
                values[name] = statement.text(3) ?? ""
            }
            try flush()
        }
        return records
    }
}

@available(*, unavailable)
extension PlaintextProfileCopy: Sendable {}
