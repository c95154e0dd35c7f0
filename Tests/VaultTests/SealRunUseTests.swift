import Testing
import VaultCrypto
import VaultStore

@testable import Vault

/// How the vault uses seal runs (`SealRun`, `SubkeyCache`): the values one transaction seals for
/// one subject share a nonce prefix, so a read derives one XChaCha20 subkey per write rather than
/// one per field; every value still opens with the one-call XChaCha20-Poly1305 of libsodium; no
/// nonce repeats under a subject's key across transactions, rotations and merges.
@Suite struct SealRunUseTests {
    let names = (0..<20).map { "field_\($0)" }

    func nonces(of subject: SubjectID, in vault: Vault) throws -> [[UInt8]] {
        try vault.store.read { db in
            var result: [[UInt8]] = []
            for entry in try StoredProfile.load(subject, in: db).entries { result.append(Array(entry.sealed[5..<29])) }
            try db.forEachRow("SELECT properties FROM events WHERE subject = ?", [subject.bytes]) {
                result.append(Array($0.blob(0)[5..<29]))
            }
            return result
        }
    }

    func derivations(reading subject: SubjectID, in vault: Vault) throws -> (count: Int, fields: [StoredField]) {
        let before = vault.subkeys.derivations
        let fields = try vault.store.read { db in
            try vault.decryptFields(of: try #require(try SubjectRecord.load(subject, in: db)), names: nil, in: db)
        }
        return (vault.subkeys.derivations - before, fields)
    }

    @Test func aProfileWrittenInOneTransactionReadsWithOneSubkey() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let (first, second) = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let first = try w.createSubject(jurisdiction: "gdpr")
            let second = try w.createSubject(jurisdiction: "152fz")
            for (index, name) in names.enumerated() {
                try w.setField(name, of: first, to: .string("значение \(index)"), source: "crm")
            }
            try w.setFields(
                names.map { .init(subject: second, field: $0, value: .string("value of \($0)"), source: "web") })
            return (first, second)
        }
        for subject in [first, second] {
            let prefixes = Set(try nonces(of: subject, in: temp.vault).map { Array($0[..<16]) })
            #expect(prefixes.count == 1)
        }
        let read = try derivations(reading: first, in: temp.vault)
        #expect(read.count == 1)
        #expect(read.fields.count == 20)
        #expect(read.fields.first { $0.name == "field_7" }?.value == .string("значение 7"))
        #expect(try derivations(reading: second, in: temp.vault).count == 1)
        // Read again right after another subject: the cache follows the key, one derivation again.
        #expect(try derivations(reading: first, in: temp.vault).count == 1)
    }

    @Test func everyValueOpensWithLibsodiumsOneCallConstruction() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let subject = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let subject = try w.createSubject(jurisdiction: "gdpr")
            for name in names { try w.setField(name, of: subject, to: .string("v-\(name)"), source: "crm") }
            return subject
        }
        try temp.vault.store.read { db in
            let record = try #require(try SubjectRecord.load(subject, in: db))
            let key = try temp.vault.keyring.dataKey(
                for: subject, version: record.keyVersion, wrapped: record.wrappedKey)
            var opened = 0
            for entry in try StoredProfile.load(subject, in: db).entries {
                let name = entry.name
                let plain = try AEAD.open(entry.sealed, key: key, associatedData: Binding.field(subject, name))
                #expect(FieldValue.decode(plain) == .string("v-\(name)"))
                opened += 1
            }
            #expect(opened == 20)
        }
    }

    @Test func noNonceRepeatsUnderAKeyAcrossWritesRotationsAndMerges() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let (a, b) = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let a = try w.createSubject(jurisdiction: "gdpr")
            let b = try w.createSubject(jurisdiction: "gdpr")
            for name in names.prefix(10) { try w.setField(name, of: a, to: .string(name), source: "crm") }
            for name in names.suffix(10) { try w.setField(name, of: b, to: .string(name), source: "crm") }
            let events = (0..<30).map { index in
                NewEvent(
                    subject: index % 2 == 0 ? a : b, type: "track:Viewed", at: 1_780_000_000_000 + Int64(index),
                    source: "web", messageID: "m-\(index)", properties: Array("{\"i\":\(index)}".utf8))
            }
            try w.appendEvents(events)
            return (a, b)
        }
        for round in 0..<3 {
            try temp.vault.write(as: testActor, purpose: "unification") { w in
                for name in names.prefix(5) {
                    try w.setField(name, of: a, to: .string("\(name)-\(round)"), source: "crm")
                }
            }
        }
        var seen = try nonces(of: a, in: temp.vault)
        #expect(Set(seen).count == seen.count)
        try temp.vault.rotateDataKey(of: a, as: testActor)
        seen = try nonces(of: a, in: temp.vault)
        #expect(Set(seen).count == seen.count)
        #expect(Set(seen.map { Array($0[..<16]) }).count == 1)
        #expect(try derivations(reading: a, in: temp.vault).count == 1)
        _ = try temp.vault.merge(b, into: a, rule: "test", as: testActor)
        seen = try nonces(of: a, in: temp.vault)
        #expect(Set(seen).count == seen.count)
        let read = try derivations(reading: a, in: temp.vault)
        #expect(read.fields.count == 20)
        #expect(read.fields.first { $0.name == "field_15" }?.value == .string("field_15"))
    }
}
