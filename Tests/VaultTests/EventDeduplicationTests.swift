import Foundation
import Testing
import VaultStore

@testable import Vault

/// Message ids are deduplicated per subject (migration 9, decision 29): the same message for the
/// same subject is stored once, a merge that meets one message under both subjects keeps one row,
/// and vaults written before the migration keep every event and its deduplication.
@Suite struct EventDeduplicationTests {
    func event(_ subject: SubjectID, _ id: String, at: Int64 = 1) -> NewEvent {
        NewEvent(
            subject: subject, type: "track:Viewed", at: at, source: "web", messageID: id,
            properties: Array("{\"id\":\"\(id)\"}".utf8))
    }

    func count(_ vault: Vault, _ subject: SubjectID) throws -> Int {
        try vault.store.read { db in
            Int(try db.scalarInt("SELECT count(*) FROM events WHERE subject = ?", [subject.bytes]) ?? 0)
        }
    }

    @Test func theSameMessageOfOneSubjectIsStoredOnce() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let (a, b) = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let a = try w.createSubject(jurisdiction: "gdpr")
            let b = try w.createSubject(jurisdiction: "gdpr")
            #expect(try w.appendEvents([event(a, "m1"), event(a, "m2"), event(a, "m1", at: 9)]) == 2)
            #expect(try w.hasEvent(messageID: "m1", of: a))
            #expect(try !w.hasEvent(messageID: "m1", of: b))
            // The same id under another subject is another subject's message (decision 29).
            #expect(try w.appendEvents([event(b, "m1")]) == 1)
            return (a, b)
        }
        // A re-run adds nothing.
        let again = try temp.vault.write(as: testActor, purpose: "unification") { w in
            try w.appendEvents([event(a, "m1"), event(a, "m2"), event(b, "m1")])
        }
        #expect(again == 0)
        #expect(try count(temp.vault, a) == 2)
        #expect(try count(temp.vault, b) == 1)
    }

    @Test func aMergeKeepsOneRowOfAMessageBothSubjectsHold() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let (a, b) = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let a = try w.createSubject(jurisdiction: "gdpr")
            let b = try w.createSubject(jurisdiction: "gdpr")
            try w.appendEvents([event(a, "shared"), event(a, "a-only")])
            try w.appendEvents([event(b, "shared"), event(b, "b-only")])
            return (a, b)
        }
        let merge = try temp.vault.merge(b, into: a, rule: "test", as: testActor)
        #expect(try count(temp.vault, a) == 3)
        let events = try temp.vault.store.read { db in
            try temp.vault.decryptEvents(of: try #require(try SubjectRecord.load(a, in: db)), in: db)
        }
        #expect(
            Set(events.map { String(decoding: $0.properties, as: UTF8.self) })
                == ["{\"id\":\"shared\"}", "{\"id\":\"a-only\"}", "{\"id\":\"b-only\"}"])
        // Unmerge gives back what was moved; the duplicate stays with the survivor.
        try temp.vault.unmerge(merge.id, as: testActor)
        #expect(try count(temp.vault, a) == 2)
        #expect(try count(temp.vault, b) == 1)
    }

    @Test func migrationNineKeepsEveryEventAndItsDeduplication() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-mig9-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("vault.db").path
        let subjects = try (0..<3).map { _ in try SubjectID.random() }
        let rowsSQL = "SELECT id, subject, type, at, source, message, properties FROM events ORDER BY id"
        func rows(_ store: Store) throws -> [[DatabaseValue]] {
            try store.read { db in
                var rows: [[DatabaseValue]] = []
                try db.forEachRow(rowsSQL) { row in rows.append((0..<7).map { row.value(Int32($0)) }) }
                return rows
            }
        }
        let before: [[DatabaseValue]]
        do {
            let old = try Store(path: path, migrations: Array(VaultSchema.migrations.prefix(8)))
            try old.write { db in
                for index in 0..<12 {
                    try db.run(
                        "INSERT INTO events (subject, type, at, source, message, properties) VALUES (?, ?, ?, ?, ?, ?)",
                        [
                            subjects[index % 3].bytes, "track:T\(index)", Int64(100 - index), "web",
                            Array(repeating: UInt8(index), count: 32), [UInt8(index), 1, 2],
                        ])
                }
                // Before: one message, one row, whatever the subject.
                try db.run(
                    "INSERT OR IGNORE INTO events (subject, type, at, source, message, properties) VALUES (?, 't', 1, 'web', ?, x'00')",
                    [subjects[1].bytes, Array(repeating: UInt8(0), count: 32)])
                #expect(db.changes == 0)
            }
            before = try rows(old)
        }
        #expect(before.count == 12)
        let migrated = try Store(path: path, migrations: VaultSchema.migrations)
        #expect(try rows(migrated) == before)
        try migrated.write { db in
            let insert =
                "INSERT OR IGNORE INTO events (subject, type, at, source, message, properties) VALUES (?, 't', 1, 'web', ?, x'00')"
            try db.run(insert, [subjects[0].bytes, Array(repeating: UInt8(0), count: 32)])
            #expect(db.changes == 0)
            try db.run(insert, [subjects[1].bytes, Array(repeating: UInt8(0), count: 32)])
            #expect(db.changes == 1)
            var plan: [String] = []
            try db.forEachRow(
                "EXPLAIN QUERY PLAN SELECT 1 FROM events WHERE subject = ? AND message = ?",
                [subjects[0].bytes, [UInt8](repeating: 0, count: 32)]
            ) { plan.append($0.text(3) ?? "") }
            #expect(plan.joined().contains("events_by_subject_message"))
        }
    }
}
