import Foundation
import Testing
import VaultCrypto
import VaultStore

@testable import Vault

/// Field values and event properties are sealed in AEAD format v1 (XChaCha20-Poly1305, DESIGN.md
/// invariant 1); values in v2 (ChaCha20-Poly1305), which the reader also accepts, read through
/// every read path too.
@Suite struct CiphertextFormatTests {
    let compliance = Actor(name: "compliance", osUser: "alice")

    func storedBlobs(_ sql: String, _ subject: SubjectID, in vault: Vault) throws -> [[UInt8]] {
        try vault.store.read { db in
            var blobs: [[UInt8]] = []
            try db.forEachRow(sql, [subject.bytes]) { blobs.append($0.blob(0)) }
            return blobs
        }
    }

    @Test func newFieldsAndEventsAreSealedInV1() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let (id, _) = try VaultEncryptionTests.insertPeople(1, into: temp.vault)[0]
        let fields = try storedProfile(of: id, in: temp.vault).entries.map(\.sealed)
        let events = try storedBlobs("SELECT properties FROM events WHERE subject = ?", id, in: temp.vault)
        #expect(fields.count == 4 && events.count == 1)
        for sealed in fields + events { #expect(try AEAD.format(of: sealed) == .xchacha20Poly1305) }
        // Wrapped data keys are v1 too.
        let wrapped = try temp.vault.store.read { db in try SubjectRecord.load(id, in: db)!.wrappedKey }
        #expect(try AEAD.format(of: wrapped) == .xchacha20Poly1305)
    }

    /// A value in v2 (sealed here under the subject's own key with the same associated data)
    /// reads through `decryptFields`, `Access.read` and export.
    @Test func v2FieldsAndEventsRead() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let vault = temp.vault
        let (id, person) = try VaultEncryptionTests.insertPeople(1, into: vault)[0]
        try vault.store.write { db in
            let record = try SubjectRecord.load(id, in: db)!
            let key = try vault.keyring.dataKey(for: id, version: record.keyVersion, wrapped: record.wrappedKey)
            let v2 = try AEAD.seal(
                FieldValue.string("Ada").encoded(), key: key, keyVersion: record.keyVersion,
                associatedData: Binding.field(id, "first_name"), format: .chaCha20Poly1305)
            var profile = try StoredProfile.load(id, in: db)
            profile.update("first_name") { $0.sealed = v2 }
            try profile.save(for: id, in: db)
            var message: [UInt8] = []
            try db.forEachRow("SELECT message FROM events WHERE subject = ?", [id.bytes]) { message = $0.blob(0) }
            let properties = try AEAD.seal(
                Array("{\"v\":1}".utf8), key: key, keyVersion: record.keyVersion,
                associatedData: Binding.event(id, message: message), format: .chaCha20Poly1305)
            try db.run("UPDATE events SET properties = ? WHERE subject = ?", [properties, id.bytes])
        }
        let formats = try storedProfile(of: id, in: vault).entries.map { try AEAD.format(of: $0.sealed) }
        #expect(formats.contains(.xchacha20Poly1305) && formats.contains(.chaCha20Poly1305))

        let fields = try vault.store.read { db in
            try vault.decryptFields(of: try SubjectRecord.load(id, in: db)!, names: nil, in: db)
        }
        #expect(fields.first { $0.name == "first_name" }?.value == .string("Ada"))
        #expect(fields.first { $0.name == "email" }?.value == .string(person.email))
        let result = try vault.access(as: compliance).read(id, fields: ["first_name", "email"], purpose: "dsr")
        #expect(result.values["first_name"] == .string("Ada"))
        #expect(result.values["email"] == .string(person.email))
        let events = try vault.store.read { db in
            try vault.decryptEvents(of: try SubjectRecord.load(id, in: db)!, in: db)
        }
        #expect(events.map(\.properties) == [Array("{\"v\":1}".utf8)])
    }

    /// A ciphertext copied to another field of the same subject, or to the same field of
    /// another subject, fails authentication: the associated data binds (subject, field).
    @Test func fieldMovedToAnotherSubjectOrFieldFails() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let people = try VaultEncryptionTests.insertPeople(2, into: temp.vault)
        let (a, b) = (people[0].0, people[1].0)
        let email = [try storedSealedValue("email", of: a, in: temp.vault)]
        #expect(try AEAD.format(of: email[0]) == .xchacha20Poly1305)
        try replaceSealedValue("phone", of: a, with: email[0], in: temp.vault)
        try replaceSealedValue("email", of: b, with: email[0], in: temp.vault)
        for (subject, field) in [(a, "phone"), (b, "email")] {
            #expect(throws: VaultError.self) {
                try temp.vault.store.read { db in
                    try temp.vault.decryptFields(of: try SubjectRecord.load(subject, in: db)!, names: [field], in: db)
                }
            }
        }
        // A value relabelled with another key version fails too (the header is authenticated).
        var relabelled = email[0]
        relabelled[4] ^= 0x01
        try replaceSealedValue("email", of: a, with: relabelled, in: temp.vault)
        #expect(throws: VaultError.self) {
            try temp.vault.store.read { db in
                try temp.vault.decryptFields(of: try SubjectRecord.load(a, in: db)!, names: ["email"], in: db)
            }
        }
    }
}
