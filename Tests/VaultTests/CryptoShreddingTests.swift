import Foundation
import Normalization
import Testing
import VaultCrypto
import VaultStore

@testable import Vault

@Suite struct CryptoShreddingTests {
    @Test func shreddedSubjectLeavesNoTraceInTheFiles() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let people = try VaultEncryptionTests.insertPeople(50, into: temp.vault)
        let (victim, person) = people[7]
        // Collect everything stored about the victim: ciphertexts, tokens, wrapped key.
        var secrets: [[UInt8]] = []
        try temp.vault.store.read { db in
            secrets += try StoredProfile.load(victim, in: db).entries.map(\.sealed)
            try db.forEachRow("SELECT token FROM identities WHERE subject = ?", [victim.bytes]) {
                secrets.append($0.blob(0))
            }
            try db.forEachRow("SELECT properties, message FROM events WHERE subject = ?", [victim.bytes]) {
                secrets.append($0.blob(0))
                secrets.append($0.blob(1))
            }
            try db.forEachRow("SELECT wrapped_key FROM subjects WHERE id = ?", [victim.bytes]) {
                secrets.append($0.blob(0))
            }
        }
        #expect(secrets.count == 4 + 2 + 2 + 1)
        let wrappedKey = secrets.last!
        try temp.vault.store.withWriter { try $0.checkpointAndTruncateWAL() }
        #expect(leaks(secrets, in: try temp.rawBytes()) == secrets.count)

        let report = try temp.vault.cryptoShred([victim], as: testActor, purpose: "dsr", reason: "erasure request")
        #expect(report.fields == 4 && report.identities == 2 && report.events == 1)

        let raw = try temp.rawBytes()
        #expect(leaks(secrets, in: raw) == 0, "a ciphertext, token or key survived erasure")
        for value in [person.firstName, person.lastName, person.email, person.phone] {
            #expect(leaks([Array(value.utf8)], in: raw) == 0)
        }
        #expect(try temp.vault.subjectInfo(victim) == nil)
        #expect(try temp.vault.subjects(with: .email, normalized: person.email).isEmpty)
        // Even with the master key, nothing left in the vault unwraps to the victim's data key.
        let master = try KeyFileReader.master(of: temp)
        var candidates: [[UInt8]] = []
        try temp.vault.store.read { db in
            try db.forEachRow("SELECT wrapped_key FROM subjects") { candidates.append($0.blob(0)) }
            try db.forEachRow("SELECT value FROM meta") { candidates.append($0.blob(0)) }
        }
        let context = Keyring.dataKeyContext(victim, version: 1)
        #expect(
            candidates.allSatisfy {
                (try? KeyWrap.unwrap($0, under: master, context: context, as: DataKey.self)) == nil
            })
        #expect(leaks([wrappedKey], in: raw) == 0)
        // Other subjects are untouched.
        #expect(try temp.vault.statistics().subjects == 49)
    }
}

enum KeyFileReader {
    static func master(of temp: TemporaryVault) throws -> MasterKey {
        try KeyFile.read(from: temp.directory.appendingPathComponent("master.key").path)
    }
}
