import Foundation
import Testing
import VaultStore

@testable import Vault

/// Migration 10 packs the one-row-per-field `fields` table into one `profiles` row per subject.
@Suite struct ProfileMigrationTests {
    /// One old `fields` row, as the test wrote it.
    struct OldRow: Equatable {
        let subject: SubjectID
        let name: String
        let sealed: [UInt8]
        let source: String
        let updatedAt: Int64
        let rectifiedAt: Int64?
    }

    /// `fields` as migration 1 created it.
    static let oldFieldsTable = """
        CREATE TABLE fields (
            subject BLOB NOT NULL,
            field TEXT NOT NULL,
            value BLOB NOT NULL,
            source TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            rectified_at INTEGER,
            PRIMARY KEY (subject, field)
        ) WITHOUT ROWID;
        """

    func openOptions() -> Vault.Options {
        var options = Vault.Options(policy: testPolicy)
        options.clock = FixedClock(1_790_000_000_000)
        options.durability = .normal
        return options
    }

    /// Turns the current vault back into a version-9 vault: the profiles' entries become `fields`
    /// rows (inserted out of key order), `profiles` and the record of migration 10 are removed.
    /// Each row's `updated_at` is moved back by a different amount, so that no two times coincide.
    func downgradeToVersion9(_ vault: Vault) throws -> [OldRow] {
        try vault.store.write { db in
            #expect(try db.schemaVersion() == 10)
            try db.execute(Self.oldFieldsTable)
            var stored: [(SubjectID, StoredProfile)] = []
            try db.forEachRow("SELECT subject, body FROM profiles ORDER BY id DESC") { row in
                let subject = try #require(SubjectID(bytes: row.blob(0)))
                stored.append(
                    (subject, try row.blob(1).withUnsafeBytes { try StoredProfile(body: $0, subject: subject) }))
            }
            var rows: [OldRow] = []
            for (subject, profile) in stored {
                for entry in profile.entries.reversed() {
                    let row = OldRow(
                        subject: subject, name: entry.name, sealed: entry.sealed, source: entry.source,
                        updatedAt: entry.updatedAt - Int64(1000 * (rows.count + 1)), rectifiedAt: entry.rectifiedAt)
                    try db.run(
                        "INSERT INTO fields (subject, field, value, source, updated_at, rectified_at) VALUES (?, ?, ?, ?, ?, ?)",
                        [
                            subject.bytes, row.name, row.sealed, row.source, row.updatedAt,
                            row.rectifiedAt.map { DatabaseValue.integer($0) } ?? .null,
                        ])
                    rows.append(row)
                }
            }
            try db.execute("DELETE FROM profiles")
            try db.execute("DELETE FROM schema_migrations WHERE version = 10")
            try db.execute("DROP TABLE profiles")
            #expect(try db.schemaVersion() == 9)
            #expect(try db.scalarInt("SELECT count(*) FROM fields") == Int64(rows.count))
            return rows
        }
    }

    /// Every row of `profiles` and `schema_migrations`, and the tables, as comparable values.
    func snapshot(_ vault: Vault) throws -> [[DatabaseValue]] {
        try vault.store.read { db in
            var rows: [[DatabaseValue]] = []
            try db.forEachRow("SELECT id, subject, field_count, body FROM profiles ORDER BY id") { row in
                rows.append((0..<4).map { row.value(Int32($0)) })
            }
            try db.forEachRow("SELECT version, name, applied_at FROM schema_migrations ORDER BY version") { row in
                rows.append((0..<3).map { row.value(Int32($0)) })
            }
            try db.forEachRow("SELECT type, name FROM sqlite_master ORDER BY type, name") { row in
                rows.append((0..<2).map { row.value(Int32($0)) })
            }
            return rows
        }
    }

    @Test func oldFieldRowsBecomeProfilesThatDecryptToTheSameValues() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let values: [[(String, FieldValue, String)]] = [
            [
                ("email", .string("user.1@example.org"), "crm"), ("city", .string("Köln"), "web"),
                ("birth_date", .date("1980-01-02"), "pos"), ("имя", .string("Имя один"), "crm"),
                ("tags", .list(["vip", "", "Москва"]), "web"), ("score", .number(-12.5), "crm"),
            ],
            [("email", .string("user.2@example.org"), "web")],
            [
                ("phone", .string("+10000000002"), "crm"), ("city", .string("Town 3"), "pos"),
                ("zip", .string(""), "web"),
            ],
        ]
        let (subjects, bare) = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let subjects = try values.map { fields in
                let id = try w.createSubject(jurisdiction: "gdpr")
                for (name, value, source) in fields { try w.setField(name, of: id, to: value, source: source) }
                return id
            }
            try w.markRectified("city", of: subjects[0])
            return (subjects, try w.createSubject(jurisdiction: "gdpr"))
        }
        let oldRows = try downgradeToVersion9(temp.vault)
        #expect(oldRows.count == values.joined().count)
        #expect(oldRows.filter { $0.rectifiedAt != nil }.map(\.name) == ["city"])

        let reopened = try Vault.open(at: temp.directory, options: openOptions())
        let migrated = try snapshot(reopened)
        try reopened.store.read { (db: Connection) throws in
            #expect(try db.schemaVersion() == 10)
            #expect(try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'fields'") == 0)
            #expect(throws: StoreError.self) { try db.execute("SELECT * FROM fields") }
            #expect(try db.scalarInt("SELECT count(*) FROM profiles") == Int64(subjects.count))
            #expect(try db.scalarInt("SELECT count(*) FROM profiles WHERE subject = ?", [bare.bytes]) == 0)
        }
        #expect(try reopened.statistics().fieldValues == oldRows.count)

        for (index, subject) in subjects.enumerated() {
            let rows = oldRows.filter { $0.subject == subject }
                .sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
            let (fields, fieldCount, body) = try reopened.store.read { db in
                let record = try #require(try SubjectRecord.load(subject, in: db))
                return (
                    try reopened.decryptFields(of: record, names: nil, withTimes: true, in: db),
                    try db.scalarInt("SELECT field_count FROM profiles WHERE subject = ?", [subject.bytes]),
                    try StoredProfile.load(subject, in: db).encoded()
                )
            }
            #expect(fieldCount == Int64(rows.count), "subject \(index)")
            #expect(fields.map(\.name) == rows.map(\.name), "subject \(index)")
            let expectedValues = Dictionary(uniqueKeysWithValues: values[index].map { ($0.0, $0.1) })
            for field in fields {
                let row = try #require(rows.first { $0.name == field.name })
                #expect(field.value == expectedValues[field.name], "\(field.name) of subject \(index)")
                #expect(field.source == row.source, "\(field.name) of subject \(index)")
                let times = try #require(field.times)
                #expect(times.updatedAt == row.updatedAt, "\(field.name) of subject \(index)")
                #expect(times.rectifiedAt == row.rectifiedAt, "\(field.name) of subject \(index)")
            }
            // The migrated row is exactly the body `StoredProfile` encodes for the old rows.
            var profile = StoredProfile()
            for row in rows {
                profile.set(
                    .init(
                        name: row.name, sealed: row.sealed, source: row.source, updatedAt: row.updatedAt,
                        rectifiedAt: row.rectifiedAt))
            }
            #expect(body == profile.encoded(), "subject \(index)")
        }
        let rectified = try reopened.store.read { db in
            try reopened.decryptFields(
                of: try #require(try SubjectRecord.load(subjects[0], in: db)), names: ["city"], withTimes: true, in: db)
        }
        #expect(rectified.first?.times?.rectifiedAt == reopened.now())
        #expect(rectified.first?.times?.updatedAt != reopened.now())

        // The migrated vault takes writes, and a second opening changes nothing.
        let again = try Vault.open(at: temp.directory, options: openOptions())
        #expect(try snapshot(again) == migrated)
        #expect(try again.statistics().fieldValues == oldRows.count)
        try again.write(as: testActor, purpose: "unification") { w in
            try w.setField("email", of: subjects[1], to: .string("user.2b@example.org"), source: "pos")
            #expect(try w.fieldProvenance("email", of: subjects[1])?.source == "pos")
        }
        #expect(try again.statistics().fieldValues == oldRows.count)
    }

    @Test func aVaultWithoutFieldsMigratesToNoProfiles() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        _ = try temp.vault.write(as: testActor, purpose: "unification") { w in
            try w.createSubject(jurisdiction: "gdpr")
        }
        #expect(try downgradeToVersion9(temp.vault).isEmpty)
        let reopened = try Vault.open(at: temp.directory, options: openOptions())
        #expect(try reopened.statistics().fieldValues == 0)
        #expect(try reopened.statistics().subjects == 1)
        try reopened.store.read { (db: Connection) throws in
            #expect(try db.schemaVersion() == 10)
            #expect(try db.scalarInt("SELECT count(*) FROM profiles") == 0)
            #expect(try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'fields'") == 0)
        }
    }
}
