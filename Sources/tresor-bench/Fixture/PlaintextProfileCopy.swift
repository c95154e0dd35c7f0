import Foundation
import SampleData
import Vault
import VaultStore

/// A plaintext copy of the main vault's profiles in a separate SQLite file with the same table
/// shapes (subjects, and one `profiles` row per subject whose body packs all its fields in the
/// vault's layout, values in plaintext: `PlaintextProfileBody`), for the profile-read and
/// bulk-scan baselines. It holds synthetic data only and lives in the scratch folder.
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
            CREATE TABLE profiles (
                id INTEGER PRIMARY KEY,
                subject BLOB NOT NULL UNIQUE,
                field_count INTEGER NOT NULL,
                body BLOB NOT NULL
            );
            """)

    /// Writes the copy of `fixture`'s profiles to `path` (replacing any file there): per subject,
    /// its row and one profile row (source "crm", written now, never rectified).
    static func build(at path: URL, from fixture: MainVaultFixture) throws -> PlaintextProfileCopy {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path.path + suffix) }
        let store = try Store(path: path.path, durability: .normal, migrations: [schema])
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var next = 0
        while next < fixture.subjects.count {
            let range = next..<min(fixture.subjects.count, next + 10_000)
            try store.write { db in
                let subject = try db.statement("INSERT INTO subjects (id, jurisdiction, created_at) VALUES (?, ?, ?)")
                let profile = try db.statement("INSERT INTO profiles (subject, field_count, body) VALUES (?, ?, ?)")
                for index in range {
                    let id = fixture.subjects[index].bytes
                    let person = fixture.people[index % fixture.people.count]
                    try subject.execute([id, person.jurisdiction.rawValue, now])
                    let fields = fixture.values(ofSubjectAt: index).map { (name: $0.name, value: $0.value.text) }
                    guard !fields.isEmpty else { continue }
                    let body = PlaintextProfileBody.encode(fields, source: "crm", updatedAt: now)
                    try profile.execute([id, Int64(fields.count), body])
                }
            }
            next = range.upperBound
        }
        return PlaintextProfileCopy(store: store)
    }

    /// Reads each subject's row and its profile row, making every field's name, value and source,
    /// the way `VaultProbe.profileReadLatencies` does, without decryption; returns each read's
    /// latency in nanoseconds.
    func profileReadLatencies(ids: [[UInt8]]) throws -> [UInt64] {
        try store.read { db in
            let subjectRow = try db.statement("SELECT id, jurisdiction, created_at FROM subjects WHERE id = ?")
            let profileRow = try db.statement("SELECT body FROM profiles WHERE subject = ?")
            var latencies: [UInt64] = []
            latencies.reserveCapacity(ids.count)
            var fieldCount = 0
            for id in ids {
                let start = ContinuousClock.now
                try subjectRow.bind(id, at: 1)
                guard try subjectRow.step() else { continue }
                let jurisdiction = subjectRow.text(1) ?? ""
                subjectRow.reset()
                try profileRow.bind(id, at: 1)
                // The strings the vault's profile read makes: name, value and source.
                var fields: [(String, String, String)] = []
                if try profileRow.step() {
                    try PlaintextProfileBody.forEach(profileRow.columnBytes(0)) { entry in
                        fields.append(
                            (
                                String(decoding: entry.name, as: UTF8.self),
                                String(decoding: entry.value, as: UTF8.self),
                                String(decoding: entry.source, as: UTF8.self)
                            ))
                    }
                }
                profileRow.reset()
                fieldCount += fields.count + (jurisdiction.isEmpty ? 0 : 1)
                latencies.append((ContinuousClock.now - start).nanoseconds)
            }
            guard fieldCount > 0 || ids.isEmpty else { throw BenchError("the plaintext copy holds no field") }
            return latencies
        }
    }

    /// Streams `fields` of every subject that has a profile row (its 16-byte id, jurisdiction and
    /// values), the way `Access.scan` does it — one row per subject, its body walked in place, names
    /// compared as bytes — but without policy, audit or decryption; returns the number of records.
    ///
    /// The id stays raw bytes: `SubjectID.init?(bytes:)` is generic and, called from outside the
    /// Vault module, runs unspecialised at about 3 µs a call — more than the rest of a row's work.
    @discardableResult
    func scan(fields: [String], _ body: ([UInt8], String, [String: String]) throws -> Void) throws -> Int {
        let wanted = Set(fields).map { (name: $0, bytes: Array($0.utf8)) }
        var records = 0
        try store.read { db in
            let statement = try db.statement(
                "SELECT s.id, s.jurisdiction, p.body FROM subjects s JOIN profiles p ON p.subject = s.id ORDER BY s.id"
            )
            defer { statement.reset() }
            while try statement.step() {
                let id = statement.blob(0)
                let jurisdiction = statement.text(1) ?? ""
                var values: [String: String] = [:]
                values.reserveCapacity(wanted.count)
                try PlaintextProfileBody.forEach(statement.columnBytes(2)) { entry in
                    guard
                        let field = wanted.first(where: {
                            $0.bytes.count == entry.name.count && $0.bytes.elementsEqual(entry.name)
                        })
                    else { return }
                    values[field.name] = String(decoding: entry.value, as: UTF8.self)
                }
                try body(id, jurisdiction, values)
                records += 1
            }
        }
        return records
    }
}

@available(*, unavailable)
extension PlaintextProfileCopy: Sendable {}
