import Foundation
import Testing
import VaultCrypto
import VaultStore

@testable import Vault

/// What `appendEvents` stores since it seals in place (`EventSealer`): message tokens equal to the
/// indexer's (so deduplication spans vaults written before and after), properties that open under
/// `Binding.event`, and properties bound to their message as well as their subject.
@Suite struct EventSealingTests {
    func events(_ subject: SubjectID, _ ids: [String]) -> [NewEvent] {
        ids.enumerated().map { index, id in
            NewEvent(
                subject: subject, type: "track:Order Completed", at: 1_780_000_000_000 + Int64(index), source: "web",
                messageID: id, properties: Array(#"{"order":"\#(id)","sum":\#(index * 100),"город":"Казань"}"#.utf8))
        }
    }

    @Test func storedTokensAndPropertiesMatchTheSingleValueForms() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let ids = (0..<50).map { "msg-\($0)-" + String(repeating: "x", count: $0 * 7) }
        let subject = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let subject = try w.createSubject(jurisdiction: "gdpr")
            #expect(try w.appendEvents(events(subject, ids)) == ids.count)
            return subject
        }
        let indexer = temp.vault.keyring.indexer
        try temp.vault.store.read { db in
            let record = try #require(try SubjectRecord.load(subject, in: db))
            let key = try temp.vault.keyring.dataKey(
                for: subject, version: record.keyVersion, wrapped: record.wrappedKey)
            var seen = 0
            try db.forEachRow("SELECT message, properties FROM events WHERE subject = ? ORDER BY at", [subject.bytes]) {
                row in
                let id = ids[seen]
                #expect(row.blob(0) == indexer.token(domain: "message", value: id))
                let opened = try AEAD.open(
                    row.blob(1), key: key, associatedData: Binding.event(subject, message: row.blob(0)))
                #expect(opened == events(subject, ids)[seen].properties)
                seen += 1
            }
            #expect(seen == ids.count)
        }
        // The same ids again add nothing.
        let again = try temp.vault.write(as: testActor, purpose: "unification") {
            try $0.appendEvents(events(subject, ids))
        }
        #expect(again == 0)
    }

    @Test func propertiesMovedToAnotherMessageOfTheSameSubjectFailAuthentication() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let subject = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let subject = try w.createSubject(jurisdiction: "gdpr")
            try w.appendEvents(events(subject, ["first", "second"]))
            return subject
        }
        try temp.vault.store.write { db in
            try db.run(
                "UPDATE events SET properties = (SELECT properties FROM events WHERE subject = ? AND at = ?) WHERE subject = ? AND at = ?",
                [subject.bytes, 1_780_000_000_001, subject.bytes, 1_780_000_000_000])
        }
        #expect(throws: VaultError.self) {
            try temp.vault.store.read { db in
                try temp.vault.decryptEvents(of: try SubjectRecord.load(subject, in: db)!, in: db)
            }
        }
    }
}
