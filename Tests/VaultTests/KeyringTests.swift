import Foundation
import Normalization
import Testing
import VaultCrypto
import VaultStore

@testable import Vault

@Suite struct KeyringTests {
    func snapshot(_ temp: TemporaryVault) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: temp.databasePath))
    }

    func openOptions(clock: Bool = true) -> Vault.Options {
        var options = Vault.Options(policy: testPolicy)
        if clock { options.clock = FixedClock(1_790_000_000_000) }
        return options
    }

    @Test func missingKeyFileIsAClearErrorAndChangesNothing() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        _ = try VaultEncryptionTests.insertPeople(3, into: temp.vault)
        try temp.vault.store.withWriter { try $0.checkpointAndTruncateWAL() }
        let before = try snapshot(temp)
        try FileManager.default.removeItem(at: temp.directory.appendingPathComponent("master.key"))
        #expect(
            throws: VaultError(
                .keyFileMissing,
                "key file \(temp.directory.path)/master.key is missing; the vault cannot be opened without it")
        ) {
            try Vault.open(at: temp.directory, options: openOptions())
        }
        #expect(try snapshot(temp) == before)
    }

    @Test func wrongKeyFileIsRefused() throws {
        let a = try TemporaryVault()
        let b = try TemporaryVault()
        defer {
            a.remove()
            b.remove()
        }
        try FileManager.default.removeItem(at: a.directory.appendingPathComponent("master.key"))
        try FileManager.default.copyItem(
            at: b.directory.appendingPathComponent("master.key"), to: a.directory.appendingPathComponent("master.key"))
        do {
            _ = try Vault.open(at: a.directory, options: openOptions())
            Issue.record("a foreign key file opened the vault")
        } catch let error as VaultError {
            #expect(error.code == .wrongKey)
        }
    }

    @Test func looseKeyFilePermissionsAreRefused() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let keyPath = temp.directory.appendingPathComponent("master.key").path
        chmod(keyPath, 0o644)
        do {
            _ = try Vault.open(at: temp.directory, options: openOptions())
            Issue.record("a world-readable key file was accepted")
        } catch let error as VaultError {
            #expect(error.code == .keyFileInsecure)
            #expect(error.message.contains("chmod 600"))
        }
        chmod(keyPath, 0o600)
        _ = try Vault.open(at: temp.directory, options: openOptions())
    }

    @Test func garbageKeyFileIsRefused() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let keyPath = temp.directory.appendingPathComponent("master.key").path
        try Data("not a key".utf8).write(to: URL(fileURLWithPath: keyPath))
        chmod(keyPath, 0o600)
        #expect(throws: VaultError.self) { try Vault.open(at: temp.directory, options: openOptions()) }
    }

    @Test func passphraseVaultRefusesWrongPassphrase() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tresor-pass-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var options = Vault.Options(policy: testPolicy)
        options.keySource = .passphrase("correct horse battery", cost: .interactive)
        let id = try {
            let vault = try Vault.create(at: directory, options: options)
            return try vault.write(as: testActor, purpose: "unification") { w in
                let id = try w.createSubject(jurisdiction: "gdpr")
                try w.setField("email", of: id, to: .string("p@example.org"), source: "t")
                return id
            }
        }()
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("master.key").path))
        var wrong = Vault.Options(policy: testPolicy)
        wrong.keySource = .passphrase("wrong horse battery", cost: .interactive)
        do {
            _ = try Vault.open(at: directory, options: wrong)
            Issue.record("wrong passphrase opened the vault")
        } catch let error as VaultError {
            #expect(error.code == .wrongKey)
        }
        let vault = try Vault.open(at: directory, options: options)
        #expect(try vault.subjectInfo(id) != nil)
    }

    @Test func injectedClockNeedsATestClockVault() throws {
        let temp = try TemporaryVault(clock: nil)
        defer { temp.remove() }
        do {
            _ = try Vault.open(at: temp.directory, options: openOptions(clock: true))
            Issue.record("an injected clock was accepted")
        } catch let error as VaultError {
            #expect(error.code == .testClockRefused)
        }
    }

    @Test func masterKeyRotationRewrapsEverythingAndRetiresTheOldKey() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let people = try VaultEncryptionTests.insertPeople(20, into: temp.vault)
        let oldMaster = try KeyFileReader.master(of: temp)
        let count = try temp.vault.rotateMasterKey(as: testActor)
        #expect(count == 20)
        let newMaster = try KeyFileReader.master(of: temp)
        #expect(newMaster != oldMaster)
        #expect(!FileManager.default.fileExists(atPath: temp.directory.appendingPathComponent("master.key.new").path))

        let reopened = try Vault.open(at: temp.directory, options: openOptions())
        var wrapped: [(SubjectID, UInt32, [UInt8])] = []
        try reopened.store.read { db in
            try db.forEachRow("SELECT id, key_version, wrapped_key FROM subjects") {
                wrapped.append((SubjectID(bytes: $0.blob(0))!, UInt32($0.int64(1)), $0.blob(2)))
            }
        }
        for (id, version, key) in wrapped {
            let context = Keyring.dataKeyContext(id, version: version)
            #expect((try? KeyWrap.unwrap(key, under: newMaster, context: context, as: DataKey.self)) != nil)
            #expect((try? KeyWrap.unwrap(key, under: oldMaster, context: context, as: DataKey.self)) == nil)
        }
        for (id, person) in people {
            let fields = try reopened.store.read { db in
                try reopened.decryptFields(of: try SubjectRecord.load(id, in: db)!, names: ["email"], in: db)
            }
            #expect(fields.first?.value == .string(person.email))
        }
        #expect(try reopened.subjects(with: .email, normalized: people[4].1.email) == [people[4].0])
    }

    @Test func dataKeyRotationReencryptsOneSubject() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let people = try VaultEncryptionTests.insertPeople(3, into: temp.vault)
        let (id, person) = people[1]
        let oldCiphertexts = try storedProfile(of: id, in: temp.vault).entries.map(\.sealed)
        let before = Int64(oldCiphertexts.count)
        try temp.vault.rotateDataKey(of: id, as: testActor)
        #expect(try temp.vault.subjectInfo(id)?.keyVersion == 2)
        let fields = try temp.vault.store.read { db in
            try temp.vault.decryptFields(of: try SubjectRecord.load(id, in: db)!, names: nil, in: db)
        }
        #expect(fields.count == Int(before) && before > 0)
        #expect(fields.first { $0.name == "email" }?.value == .string(person.email))
        let newCiphertexts = try storedProfile(of: id, in: temp.vault).entries.map(\.sealed)
        #expect(Set(newCiphertexts).isDisjoint(with: Set(oldCiphertexts)))
        #expect(try newCiphertexts.allSatisfy { try AEAD.keyVersion(of: $0) == 2 })
        let events = try temp.vault.store.read { db in
            try temp.vault.decryptEvents(of: try SubjectRecord.load(id, in: db)!, in: db)
        }
        #expect(events.count == 1)
    }
}
