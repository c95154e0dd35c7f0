import Foundation
import Normalization
import Policy
import Testing
import VaultStore

@testable import Vault

@Suite struct MergeTests {
    let unification = Actor(name: "unification", osUser: "test")
    let compliance = Actor(name: "compliance", osUser: "test")

    func makePeople(_ vault: Vault) throws -> (SubjectID, SubjectID) {
        try vault.write(as: unification, purpose: "unification") { w in
            let a = try w.createSubject(jurisdiction: "gdpr")
            try w.setField("external_id", of: a, to: .string("C1"), source: "crm")
            try w.setField("first_name", of: a, to: .string("Anna"), source: "crm")
            try w.link(.externalID, normalized: "C1", to: a)
            let b = try w.createSubject(jurisdiction: "gdpr")
            try w.setField("first_name", of: b, to: .string("Ann"), source: "web")
            try w.setField("email", of: b, to: .string("anna@example.org"), source: "web")
            try w.link(.email, normalized: "anna@example.org", to: b)
            try w.link(.anonymousID, normalized: "device-1", to: b)
            try w.recordSource("web", recordID: "w1", subject: b)
            try w.appendEvents([
                NewEvent(
                    subject: b, type: "page", at: 5, source: "web", messageID: "m1", properties: Array("{\"p\":1}".utf8)
                )
            ])
            return (a, b)
        }
    }

    func fields(_ vault: Vault, _ subject: SubjectID) throws -> [String: FieldValue] {
        try vault.store.read { db in
            Dictionary(
                uniqueKeysWithValues: try vault.decryptFields(
                    of: try SubjectRecord.load(subject, in: db)!, names: nil, in: db
                ).map { ($0.name, $0.value) })
        }
    }

    @Test func mergeMovesEverythingUnderTheSurvivorAndUnmergeRestoresBoth() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let (a, b) = try makePeople(temp.vault)
        let before = try fields(temp.vault, b)
        let merge = try temp.vault.merge(b, into: a, rule: "email", as: unification)
        #expect(merge.copiedFields == ["email"])
        #expect(try temp.vault.subjectInfo(b) == nil)
        #expect(
            try fields(temp.vault, a) == [
                "external_id": .string("C1"), "first_name": .string("Anna"), "email": .string("anna@example.org"),
            ])
        #expect(try temp.vault.subjects(with: .email, normalized: "anna@example.org") == [a])
        #expect(try temp.vault.subjects(with: .anonymousID, normalized: "device-1") == [a])
        let events = try temp.vault.store.read { db in
            try temp.vault.decryptEvents(of: try SubjectRecord.load(a, in: db)!, in: db)
        }
        #expect(events.count == 1 && events[0].properties == Array("{\"p\":1}".utf8))

        try temp.vault.unmerge(merge.id, as: unification)
        #expect(try fields(temp.vault, b) == before)
        #expect(try fields(temp.vault, a) == ["external_id": .string("C1"), "first_name": .string("Anna")])
        #expect(try temp.vault.subjects(with: .email, normalized: "anna@example.org") == [b])
        #expect(try temp.vault.subjects(with: .anonymousID, normalized: "device-1") == [b])
        let restored = try temp.vault.store.read { db in
            try temp.vault.decryptEvents(of: try SubjectRecord.load(b, in: db)!, in: db)
        }
        #expect(restored.count == 1)
        var links: [String: SubjectID] = [:]
        try temp.vault.sourceLinks { _, record, subject in links[record] = subject }
        #expect(links["w1"] == b)
        #expect(try temp.vault.merges().first?.undoneAt != nil)
        #expect(throws: VaultError.self) { try temp.vault.unmerge(merge.id, as: unification) }
        #expect(try temp.vault.verifyAudit().isValid)
    }

    @Test func erasingTheSurvivorErasesTheMergeLogToo() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let (a, b) = try makePeople(temp.vault)
        _ = try temp.vault.merge(b, into: a, rule: "email", as: unification)
        try temp.vault.cryptoShred([a], as: compliance, purpose: "dsr", reason: "test")
        #expect(try temp.vault.merges().isEmpty)
        #expect(leaks([Array("Ann".utf8)], in: try temp.rawBytes()) == 0)
    }
}
