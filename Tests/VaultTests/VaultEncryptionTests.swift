import Foundation
import Normalization
import Testing
import VaultStore

@testable import Vault

@Suite struct VaultEncryptionTests {
    /// Inserts `count` people with names, email, phone and a few events; returns their ids.
    static func insertPeople(_ count: Int, into vault: Vault) throws -> [(SubjectID, TestPerson)] {
        try vault.write(as: testActor, purpose: "unification") { w in
            try (0..<count).map { index in
                let person = TestPerson.make(index)
                let id = try w.createSubject(jurisdiction: index % 2 == 0 ? "152fz" : "gdpr")
                try w.setField("first_name", of: id, to: .string(person.firstName), source: "crm")
                try w.setField("last_name", of: id, to: .string(person.lastName), source: "crm")
                try w.setField("email", of: id, to: .string(person.email), source: "crm")
                try w.setField("phone", of: id, to: .string(person.phone), source: "crm")
                try w.link(.email, normalized: person.email, to: id)
                try w.link(.phone, normalized: person.phone, to: id)
                try w.appendEvents([
                    NewEvent(
                        subject: id, type: "track:Product Viewed", at: 1_780_000_000_000 + Int64(index), source: "web",
                        messageID: "msg-\(index)", properties: Array("{\"viewer\":\"\(person.email)\"}".utf8))
                ])
                return (id, person)
            }
        }
    }

    @Test func rawDatabaseFilesHoldNoPlaintext() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let people = try Self.insertPeople(300, into: temp.vault)
        let raw = try temp.rawBytes()
        #expect(raw.count > 100_000)
        for (_, person) in people {
            for value in [person.firstName, person.lastName, person.email, person.phone] {
                #expect(leaks([Array(value.utf8)], in: raw) == 0, "a plaintext value leaked into the database files")
            }
        }
        // The values are really there, encrypted: they decrypt through the internal API.
        let first = people[0]
        let fields = try temp.vault.store.read { db in
            try temp.vault.decryptFields(of: try SubjectRecord.load(first.0, in: db)!, names: nil, in: db)
        }
        #expect(fields.first { $0.name == "first_name" }?.value == .string(first.1.firstName))
    }

    @Test func typedValuesRoundTripExactly() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let values: [String: FieldValue] = [
            "first_name": .string("Ёлка Пётр-Алексеевич O'Neil 🦔"), "birth_date": .date("1983-05-20"),
            "score": .number(-12.375), "tags": .list(["vip", "Москва", ""]), "empty": .string(""),
        ]
        let id = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let id = try w.createSubject(jurisdiction: "gdpr")
            for (name, value) in values { try w.setField(name, of: id, to: value, source: "test") }
            return id
        }
        let read = try temp.vault.store.read { db in
            try temp.vault.decryptFields(of: try SubjectRecord.load(id, in: db)!, names: nil, in: db)
        }
        #expect(Dictionary(uniqueKeysWithValues: read.map { ($0.name, $0.value) }) == values)
        #expect(String(describing: values["first_name"]!) == "FieldValue(<redacted>)")
    }

    @Test func ciphertextMovedToAnotherSubjectOrFieldFailsAuthentication() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let people = try Self.insertPeople(2, into: temp.vault)
        let (a, b) = (people[0].0, people[1].0)
        // Same subject, another field: copy A's email ciphertext into A's phone.
        try replaceSealedValue(
            "phone", of: a, with: try storedSealedValue("email", of: a, in: temp.vault), in: temp.vault)
        #expect(throws: VaultError.self) {
            try temp.vault.store.read { db in
                try temp.vault.decryptFields(of: try SubjectRecord.load(a, in: db)!, names: ["phone"], in: db)
            }
        }
        // Another subject under the same key would still fail: B's email ciphertext under A's row.
        try replaceSealedValue(
            "email", of: a, with: try storedSealedValue("email", of: b, in: temp.vault), in: temp.vault)
        #expect(throws: VaultError.self) {
            try temp.vault.store.read { db in
                try temp.vault.decryptFields(of: try SubjectRecord.load(a, in: db)!, names: ["email"], in: db)
            }
        }
        // Event properties moved between subjects fail too.
        try temp.vault.store.write { db in
            try db.run(
                "UPDATE events SET properties = (SELECT properties FROM events WHERE subject = ?) WHERE subject = ?",
                [b.bytes, a.bytes])
        }
        #expect(throws: VaultError.self) {
            try temp.vault.store.read { db in
                try temp.vault.decryptEvents(of: try SubjectRecord.load(a, in: db)!, in: db)
            }
        }
        // B itself is intact.
        let bFields = try temp.vault.store.read { db in
            try temp.vault.decryptFields(of: try SubjectRecord.load(b, in: db)!, names: nil, in: db)
        }
        #expect(bFields.count == 4)
    }

    @Test func sameMessageIDIsStoredOnce() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let people = try Self.insertPeople(1, into: temp.vault)
        let event = NewEvent(
            subject: people[0].0, type: "page", at: 1, source: "web", messageID: "msg-0", properties: [1])
        let inserted = try temp.vault.write(as: testActor, purpose: "unification") {
            try $0.appendEvents([event, event])
        }
        #expect(inserted == 0)
        #expect(try temp.vault.statistics().events == 1)
    }

    @Test func identitiesAreFoundByBlindIndexOnly() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let people = try Self.insertPeople(5, into: temp.vault)
        #expect(try temp.vault.subjects(with: .email, normalized: people[3].1.email) == [people[3].0])
        #expect(try temp.vault.subjects(with: .phone, normalized: people[2].1.phone) == [people[2].0])
        #expect(try temp.vault.subjects(with: .email, normalized: "nobody@example.org").isEmpty)
        // A shared household email maps to both subjects.
        try temp.vault.write(as: testActor, purpose: "unification") { w in
            try w.link(.email, normalized: people[3].1.email, to: people[4].0)
        }
        #expect(
            Set(try temp.vault.subjects(with: .email, normalized: people[3].1.email)) == [people[3].0, people[4].0])
    }

    @Test func writesAreAuditedAndRolledBackTogether() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try temp.vault.write(as: testActor, purpose: "unification") { w in
                let id = try w.createSubject(jurisdiction: "gdpr")
                try w.setField("email", of: id, to: .string("half@example.org"), source: "crm")
                throw Stop()
            }
        }
        #expect(
            try temp.vault.statistics()
                == VaultStatistics(subjects: 0, fieldValues: 0, identities: 0, events: 0, auditEntries: 0))
        _ = try Self.insertPeople(3, into: temp.vault)
        #expect(try temp.vault.statistics().auditEntries == 1)
    }
}
