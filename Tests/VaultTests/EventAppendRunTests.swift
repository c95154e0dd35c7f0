import Foundation
import Testing
import VaultStore

@testable import Vault

/// `appendEvents` stores a subject's consecutive events with multi-row inserts of up to
/// `rowsPerInsert` rows: every event must come back whole, duplicates inside one statement or
/// across statements must be stored once, and only subjects that got a new event are touched.
@Suite struct EventAppendRunTests {
    func event(_ subject: SubjectID, _ id: String, at: Int64, type: String = "track:Viewed") -> NewEvent {
        NewEvent(
            subject: subject, type: type, at: at, source: "web", messageID: id,
            properties: Array("{\"id\":\"\(id)\",\"at\":\(at)}".utf8))
    }

    /// One event as comparable text: type, time, source and properties.
    func line(_ type: String, _ at: Int64, _ source: String, _ properties: [UInt8]) -> String {
        "\(type)|\(at)|\(source)|\(String(decoding: properties, as: UTF8.self))"
    }

    /// Every stored event of `subject`, decrypted, as sorted lines.
    func stored(_ vault: Vault, _ subject: SubjectID) throws -> [String] {
        try vault.store.read { db in
            let record = try #require(try SubjectRecord.load(subject, in: db))
            return try vault.decryptEvents(of: record, in: db).map { line($0.type, $0.at, $0.source, $0.properties) }
                .sorted()
        }
    }

    /// `events` as the sorted lines `stored` should give.
    func expected(_ events: [NewEvent]) -> [String] {
        events.map { line($0.type, $0.at, $0.source, $0.properties) }.sorted()
    }

    @Test func runsLongerThanOneStatementAreStoredWhole() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let rows = VaultWriter.rowsPerInsert
        let (a, b, c) = try temp.vault.write(as: testActor, purpose: "unification") { w in
            (
                try w.createSubject(jurisdiction: "gdpr"), try w.createSubject(jurisdiction: "gdpr"),
                try w.createSubject(jurisdiction: "152fz")
            )
        }
        // a: two full statements and a partial one, then b alone, c one past a full statement,
        // then a again (an unsorted batch), with event types that differ within a run.
        let ofA = (0..<(2 * rows + 11)).map {
            event(a, "a\($0)", at: 1_000 + Int64($0), type: $0 % 3 == 0 ? "page" : "track:Viewed")
        }
        let ofB = [event(b, "b0", at: 5)]
        let ofC = (0..<(rows + 1)).map { event(c, "c\($0)", at: 2_000 - Int64($0)) }
        let laterA = [event(a, "late0", at: 7), event(a, "late1", at: 8)]
        let batch = ofA + ofB + ofC + laterA
        let inserted = try temp.vault.write(as: testActor, purpose: "unification") { w in try w.appendEvents(batch) }
        #expect(inserted == batch.count)
        #expect(try stored(temp.vault, a) == expected(ofA + laterA))
        #expect(try stored(temp.vault, b) == expected(ofB))
        #expect(try stored(temp.vault, c) == expected(ofC))
    }

    @Test func duplicatesInOneStatementOrAcrossStatementsAreStoredOnce() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let rows = VaultWriter.rowsPerInsert
        let (a, count) = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let a = try w.createSubject(jurisdiction: "gdpr")
            // m1 twice in the first statement; m0 and m1 again in the second.
            var batch = [event(a, "m1", at: 1), event(a, "m2", at: 2), event(a, "m1", at: 3)]
            batch += (0..<rows).map { event(a, "m\($0)", at: 100 + Int64($0)) }
            return (a, try w.appendEvents(batch))
        }
        #expect(count == rows)
        let messages = try stored(temp.vault, a)
        #expect(messages.count == rows)
        // The first of a repeated message wins.
        #expect(messages.contains { $0.hasSuffix("{\"id\":\"m1\",\"at\":1}") })
        #expect(!messages.contains { $0.hasSuffix("{\"id\":\"m1\",\"at\":3}") })
    }

    @Test func onlySubjectsThatGotANewEventAreTouched() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let rows = VaultWriter.rowsPerInsert
        let (a, b) = try temp.vault.write(as: testActor, purpose: "unification") { w in
            (try w.createSubject(jurisdiction: "gdpr"), try w.createSubject(jurisdiction: "gdpr"))
        }
        let ofA = (0..<(rows + 3)).map { event(a, "a\($0)", at: Int64($0)) }
        try temp.vault.write(as: testActor, purpose: "unification") { w in _ = try w.appendEvents(ofA) }
        // a's events again (all duplicates, over two statements) and one new event of b.
        let second = try temp.vault.write(as: testActor, purpose: "unification") { w in
            try w.appendEvents(ofA + [event(b, "b0", at: 1)])
        }
        #expect(second == 1)
        let entries = try temp.vault.auditEntries(matching: AuditFilter())
        let last = try #require(entries.last)
        #expect(try temp.vault.auditSubjects(ofEntry: last.seq) == [b])
        // Nothing new at all: no subject touched, no entry.
        let third = try temp.vault.write(as: testActor, purpose: "unification") { w in try w.appendEvents(ofA) }
        #expect(third == 0)
        #expect(try temp.vault.auditEntries(matching: AuditFilter()).count == entries.count)
    }
}
