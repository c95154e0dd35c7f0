import Foundation
import Testing
import VaultStore

@testable import Vault

/// Event writes trust cached data keys instead of reading each subject's row; these tests show
/// that a cached key never outlives its subject or its key version, whoever changed them.
@Suite struct KeyCacheTests {
    func event(_ subject: SubjectID, _ n: Int) -> NewEvent {
        NewEvent(
            subject: subject, type: "track:Product Viewed", at: 1_790_000_000_000 + Int64(n), source: "web",
            messageID: "m-\(subject)-\(n)", properties: Array("{\"n\":\(n)}".utf8))
    }

    /// A second `Vault` on the same files stands for another process.
    func otherProcess(_ temp: TemporaryVault) throws -> Vault {
        var options = Vault.Options(policy: testPolicy)
        options.clock = FixedClock(1_790_000_000_000)
        options.testClock = true
        return try Vault.open(at: temp.directory, options: options)
    }

    func storedEvents(_ vault: Vault, _ subject: SubjectID) throws -> [StoredEvent] {
        try vault.store.read { db in
            guard let record = try SubjectRecord.load(subject, in: db) else { return [] }
            return try vault.decryptEvents(of: record, since: nil, in: db)
        }
    }

    @Test func aSubjectShreddedElsewhereGetsNoEvents() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let id = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let id = try w.createSubject(jurisdiction: "gdpr")
            try w.appendEvents([event(id, 1)])
            return id
        }
        #expect(temp.vault.keyring.cachedKey(for: id) != nil)
        try otherProcess(temp).cryptoShred([id], as: testActor, purpose: "dsr", reason: "test")
        #expect(throws: VaultError.self) {
            try temp.vault.write(as: testActor, purpose: "unification") { try $0.appendEvents([event(id, 2)]) }
        }
        let orphans = try temp.vault.store.read {
            try $0.scalarInt("SELECT count(*) FROM events WHERE subject = ?", [id.bytes])
        }
        #expect(orphans == 0)
    }

    @Test func aSubjectFromARolledBackTransactionGetsNoEvents() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        struct Abort: Error {}
        var created: SubjectID?
        #expect(throws: Abort.self) {
            try temp.vault.write(as: testActor, purpose: "unification") { w in
                created = try w.createSubject(jurisdiction: "gdpr")
                throw Abort()
            }
        }
        let id = try #require(created)
        #expect(temp.vault.keyring.cachedKey(for: id) == nil)
        #expect(throws: VaultError.self) {
            try temp.vault.write(as: testActor, purpose: "unification") { try $0.appendEvents([event(id, 1)]) }
        }
    }

    @Test func aKeyRotatedElsewhereIsNotUsed() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let id = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let id = try w.createSubject(jurisdiction: "gdpr")
            try w.appendEvents([event(id, 1)])
            return id
        }
        let other = try otherProcess(temp)
        try other.rotateDataKey(of: id, as: testActor)
        _ = try temp.vault.write(as: testActor, purpose: "unification") { try $0.appendEvents([event(id, 2)]) }
        // The other process, which holds only the new key, decrypts both events.
        let events = try storedEvents(other, id)
        #expect(events.count == 2)
        #expect(Set(events.map { String(decoding: $0.properties, as: UTF8.self) }) == ["{\"n\":1}", "{\"n\":2}"])
    }
}
