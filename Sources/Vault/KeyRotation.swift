import Foundation
import VaultCrypto
import VaultStore

/// Master-key and data-key rotation.
extension Vault {
    /// Replaces the master key: every wrapped key is rewrapped in one transaction, no data is
    /// re-encrypted. With a key file, the new key is written to `master.key.new` before the
    /// commit and renamed over `master.key` after it (an interrupted rotation finishes at the
    /// next open). Returns how many data keys were rewrapped.
    @discardableResult
    public func rotateMasterKey(as actor: Actor, newPassphrase: String? = nil) throws -> Int {
        let keyPath = directory.appendingPathComponent(Self.keyFileName).path
        let usesPassphrase =
            try store.read { db in
                try db.scalarInt("SELECT count(*) FROM meta WHERE key = 'key_source' AND value = 'passphrase'")
            } == 1
        let newMaster: MasterKey
        var salt: [UInt8] = []
        if usesPassphrase {
            guard let newPassphrase else {
                throw VaultError(.invalidArgument, "this vault uses a passphrase: give the new passphrase")
            }
            salt = try PassphraseKDF.makeSalt()
            newMaster = try PassphraseKDF.deriveMasterKey(passphrase: newPassphrase, salt: salt, cost: .moderate)
        } else {
            newMaster = try MasterKey.generate()
            try KeyFile.write(newMaster, to: keyPath + ".new")
        }
        let newVersion = keyring.masterVersion + 1
        var count = 0
        do {
            try store.write { db in
                var rows: [(SubjectID, UInt32, [UInt8])] = []
                try db.forEachRow("SELECT id, key_version, wrapped_key FROM subjects") {
                    rows.append((SubjectID(bytes: $0.blob(0)) ?? .malformed, UInt32($0.int64(1)), $0.blob(2)))
                }
                let update = try db.statement("UPDATE subjects SET wrapped_key = ? WHERE id = ?")
                for (id, version, wrapped) in rows {
                    let rewrapped = try keyring.rewrap(
                        wrapped, subject: id, version: version, newMaster: newMaster, newVersion: newVersion)
                    try update.execute([rewrapped, id.bytes])
                }
                count = rows.count
                for name in ["ik", "sk"] {
                    let metaKey = name == "ik" ? "wrapped_index_key" : "wrapped_signing_seed"
                    guard let wrapped = try metaBlob(metaKey, db) else {
                        throw VaultError(.integrity, "\(metaKey) missing")
                    }
                    let context = Keyring.vaultKeyContext(name, vaultID: keyring.vaultID)
                    let inner: DataKey = try KeyWrap.unwrap(wrapped, under: keyring.master, context: context)
                    try db.run(
                        "UPDATE meta SET value = ? WHERE key = ?",
                        [
                            try KeyWrap.wrap(inner, under: newMaster, masterVersion: newVersion, context: context),
                            metaKey,
                        ])
                }
                try db.run(
                    "UPDATE meta SET value = ? WHERE key = 'key_check'",
                    [try Self.keyCheck(newMaster, version: newVersion, vaultID: keyring.vaultID)])
                try db.run("UPDATE meta SET value = ? WHERE key = 'master_version'", [Int64(newVersion)])
                if usesPassphrase { try db.run("UPDATE meta SET value = ? WHERE key = 'kdf_salt'", [salt]) }
                try AuditLog.append(
                    [
                        AuditLog.Draft(
                            actor: actor, role: roleName(of: actor), purpose: "security", action: "rotate-master-key",
                            subjects: [], fields: [], decision: "allowed", reason: "\(count) data keys rewrapped")
                    ], at: clock.now(), in: db, keyring: keyring)
            }
        } catch {
            unlink(keyPath + ".new")
            throw error
        }
        if !usesPassphrase { rename(keyPath + ".new", keyPath) }
        keyring.adoptMaster(newMaster, version: newVersion)
        try store.withWriter { try $0.checkpointAndTruncateWAL() }
        return count
    }

    /// Gives one subject a new data key and re-encrypts all of its fields and events under it.
    public func rotateDataKey(of subject: SubjectID, as actor: Actor) throws {
        try store.write { db in
            guard let record = try SubjectRecord.load(subject, in: db) else {
                throw VaultError(.unknownSubject, "subject \(subject) does not exist")
            }
            let oldKey = try keyring.dataKey(for: subject, version: record.keyVersion, wrapped: record.wrappedKey)
            var profile = try StoredProfile.load(subject, in: db)
            let fields = try profile.entries.map { entry in
                (
                    entry.name,
                    try AEAD.open(entry.sealed, key: oldKey, associatedData: Binding.field(subject, entry.name))
                )
            }
            var events: [(Int64, [UInt8], [UInt8])] = []
            try db.forEachRow("SELECT id, message, properties FROM events WHERE subject = ?", [subject.bytes]) {
                let message = $0.blob(1)
                events.append(
                    (
                        $0.int64(0), message,
                        try AEAD.open($0.blob(2), key: oldKey, associatedData: Binding.event(subject, message: message))
                    ))
            }
            let version = record.keyVersion + 1
            let (newKey, wrapped) = try keyring.makeDataKey(for: subject, version: version)
            // One seal run for the whole subject: its values share one subkey, as written by an import.
            let run = try SealRun()
            for (name, plaintext) in fields {
                let sealed = try AEAD.seal(
                    plaintext, key: newKey, keyVersion: version, associatedData: Binding.field(subject, name), run: run)
                profile.update(name) { $0.sealed = sealed }
            }
            try profile.save(for: subject, in: db)
            for (id, message, plaintext) in events {
                let sealed = try AEAD.seal(
                    plaintext, key: newKey, keyVersion: version,
                    associatedData: Binding.event(subject, message: message), run: run)
                try db.run("UPDATE events SET properties = ? WHERE id = ?", [sealed, id])
            }
            try db.run(
                "UPDATE subjects SET key_version = ?, wrapped_key = ?, updated_at = ? WHERE id = ?",
                [Int64(version), wrapped, clock.now(), subject.bytes])
            try AuditLog.append(
                [
                    AuditLog.Draft(
                        actor: actor, role: roleName(of: actor), purpose: "security", action: "rotate-data-key",
                        subjects: [subject], fields: ["*"], decision: "allowed", reason: "")
                ], at: clock.now(), in: db, keyring: keyring)
        }
    }

    func metaBlob(_ key: String, _ db: Connection) throws -> [UInt8]? {
        var value: [UInt8]?
        try db.forEachRow("SELECT value FROM meta WHERE key = ?", [key]) { value = $0.blob(0) }
        return value
    }
}
