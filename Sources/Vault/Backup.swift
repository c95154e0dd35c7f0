public import Foundation
import Policy
import VaultCrypto
import VaultStore

/// What a backup or restore did.
public struct BackupSummary: Sendable, Equatable, Codable {
    /// Bytes of the encrypted backup file.
    public var bytes: Int
    /// Subjects in the backup (or restored).
    public var subjects: Int
    /// On restore: subjects and identities removed again because the erasure ledger lists them.
    public var reErasedSubjects = 0
    public var reErasedIdentities = 0
}

/// Online, encrypted, consistent backups. A backup is SQLite's online-backup copy of the
/// database without derived copies (module records of kind `derived:*`), vacuumed, then
/// encrypted in 1 MiB chunks (XChaCha20-Poly1305) under a random file key wrapped by the
/// master key. A restore re-applies the erasure ledger, so a person erased after the backup
/// was taken stays erased.
extension Vault {
    static let backupMagic = Array("TRESOR-BACKUP v1\n".utf8)
    static let backupChunk = 1 << 20

    /// Writes an encrypted backup of the vault to `url`.
    @discardableResult
    public func backup(to url: URL, as actor: Actor) throws -> BackupSummary {
        let temporary = directory.appendingPathComponent(".backup-\(UUID().uuidString).sqlite")
        defer { Self.removeDatabaseFiles(temporary) }
        try store.withWriter { try $0.backup(to: temporary.path) }
        var subjects = 0
        do {
            let copy = try Connection(path: temporary.path, durability: .normal)
            try copy.execute("DELETE FROM module_records WHERE kind LIKE 'derived:%'")
            subjects = Int(try copy.scalarInt("SELECT count(*) FROM subjects") ?? 0)
            try copy.execute("PRAGMA journal_mode = DELETE; VACUUM;")
        }
        let fileKey = try DataKey.generate()
        let wrapped = try KeyWrap.wrap(
            fileKey, under: keyring.master, masterVersion: keyring.masterVersion, context: backupContext)
        let header: [String: String] = [
            "vaultID": vaultID, "createdAt": VaultTime.iso8601(clock.now()),
            "masterVersion": String(keyring.masterVersion),
            "wrappedKey": Hex.encode(wrapped),
        ]
        var output = Self.backupMagic
        output += Array(try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])) + [10]
        guard let plain = FileManager.default.contents(atPath: temporary.path) else {
            throw VaultError(.storage, "cannot read the backup copy")
        }
        let bytes = [UInt8](plain)
        var index: UInt64 = 0
        var offset = 0
        repeat {
            let end = min(offset + Self.backupChunk, bytes.count)
            let isLast = end == bytes.count
            let sealed = try AEAD.seal(
                Array(bytes[offset..<end]), key: fileKey, keyVersion: 1,
                associatedData: chunkContext(index, isLast: isLast))
            output += withUnsafeBytes(of: UInt32(sealed.count).bigEndian, Array.init) + sealed
            offset = end
            index += 1
        } while offset < bytes.count
        try Data(output).write(to: url, options: .atomic)
        chmod(url.path, 0o600)
        try recordOperation(
            as: actor, purpose: "storage", action: "backup", reason: "\(subjects) subjects, \(output.count) bytes")
        return BackupSummary(bytes: output.count, subjects: subjects)
    }

    /// Replaces the vault's database with the backup at `url` and re-applies the erasure ledger
    /// (the ledger file and the current database's ledger). The vault must not be open elsewhere.
    /// - Returns: the reopened vault and what the restore did.
    public static func restore(from url: URL, into directory: URL, options: Options, as actor: Actor) throws -> (
        Vault, BackupSummary
    ) {
        var ledger = ErasureLedgerFile.read(in: directory)
        let restoredPath = directory.appendingPathComponent(".restore-\(UUID().uuidString).sqlite")
        defer { Vault.removeDatabaseFiles(restoredPath) }
        var summary = BackupSummary(bytes: 0, subjects: 0)
        do {
            let current = try Vault.open(at: directory, options: options)
            try current.store.read { db in
                try db.forEachRow("SELECT kind, token FROM erasure_ledger") {
                    ledger.append(($0.text(0) ?? "", $0.blob(1)))
                }
            }
            let plain = try current.decryptBackup(url)
            summary.bytes = plain.count
            try Data(plain).write(to: restoredPath)
            // Re-apply the erasure ledger on the restored copy before it replaces anything.
            let erasedSubjects = Set(ledger.filter { $0.0 == "subject" }.map { Hex.encode($0.1) })
            let heldSubjects = Set(ledger.filter { $0.0 == "subject-held" }.map { Hex.encode($0.1) })
            let heldFields = current.policy.fields.filter { $0.legalHold != nil }.map(\.name)
            let heldTypes = current.policy.eventTypes.filter { $0.legalHold != nil }.map(\.name)
            let erasedIdentities = Set(
                ledger.filter { $0.0 != "subject" && $0.0 != "subject-held" }.map { Hex.encode($0.1) })
            let copy = try Connection(path: restoredPath.path, durability: .normal)
            try copy.transaction {
                var subjects: [[UInt8]] = []
                try copy.forEachRow("SELECT id FROM subjects") { subjects.append($0.blob(0)) }
                for id in subjects where heldSubjects.contains(Hex.encode(current.erasureToken("subject", id))) {
                    // Erased except what the law holds: keep only held categories, restricted.
                    try SubjectPurge.purge(
                        id, keepingFields: heldFields, keepingEventTypes: heldTypes, deleteSubjectRow: false, in: copy)
                    try copy.run(
                        "UPDATE subjects SET restricted = 1, erasure_requested_at = coalesce(erasure_requested_at, ?) WHERE id = ?",
                        [current.clock.now(), id])
                    summary.reErasedSubjects += 1
                }
                for id in subjects where erasedSubjects.contains(Hex.encode(current.erasureToken("subject", id))) {
                    try SubjectPurge.purge(id, deleteSubjectRow: true, in: copy)
                    summary.reErasedSubjects += 1
                }
                var identities: [(String, [UInt8], [UInt8])] = []
                try copy.forEachRow("SELECT kind, token, subject FROM identities") {
                    identities.append(($0.text(0) ?? "", $0.blob(1), $0.blob(2)))
                }
                for (kind, token, subject) in identities
                where erasedIdentities.contains(Hex.encode(current.erasureToken(kind, token))) {
                    try copy.run(
                        "DELETE FROM identities WHERE kind = ? AND token = ? AND subject = ?", [kind, token, subject])
                    summary.reErasedIdentities += 1
                }
                for (kind, token) in ledger {
                    try copy.run(
                        "INSERT OR IGNORE INTO erasure_ledger (kind, token, erased_at) VALUES (?, ?, 0)", [kind, token])
                }
            }
            summary.subjects = Int(try copy.scalarInt("SELECT count(*) FROM subjects") ?? 0)
            try copy.execute("VACUUM")
        }
        // Swap the files: the live database and its WAL go; the restored copy takes their place.
        let live = directory.appendingPathComponent(databaseName)
        removeDatabaseFiles(live)
        guard rename(restoredPath.path, live.path) == 0 else {
            throw VaultError(.storage, "cannot move the restored database into place")
        }
        chmod(live.path, 0o600)
        let vault = try Vault.open(at: directory, options: options)
        try vault.recordOperation(
            as: actor, purpose: "storage", action: "restore",
            reason:
                "\(summary.subjects) subjects restored; erasure ledger re-applied to \(summary.reErasedSubjects) subjects and \(summary.reErasedIdentities) identities"
        )
        return (vault, summary)
    }

    /// Decrypts a backup file into the database bytes.
    func decryptBackup(_ url: URL) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw VaultError(.invalidArgument, "cannot read backup \(url.path)")
        }
        let bytes = [UInt8](data)
        guard bytes.starts(with: Self.backupMagic), let newline = bytes[Self.backupMagic.count...].firstIndex(of: 10),
            let header = try? JSONSerialization.jsonObject(with: Data(bytes[Self.backupMagic.count..<newline]))
                as? [String: String],
            let wrappedHex = header["wrappedKey"], let wrapped = Hex.decode(wrappedHex)
        else { throw VaultError(.invalidArgument, "\(url.path) is not a Tresor backup") }
        guard header["vaultID"] == vaultID else {
            throw VaultError(.invalidArgument, "\(url.path) is a backup of another vault")
        }
        let fileKey: DataKey
        do {
            fileKey = try KeyWrap.unwrap(wrapped, under: keyring.master, context: backupContext)
        } catch {
            throw VaultError(.wrongKey, "\(url.path) was made under another master key (before a rotation?)")
        }
        var plain: [UInt8] = []
        var offset = newline + 1
        var index: UInt64 = 0
        while offset < bytes.count {
            guard offset + 4 <= bytes.count else { throw VaultError(.integrity, "backup \(url.path) is truncated") }
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            offset += 4
            guard offset + length <= bytes.count else {
                throw VaultError(.integrity, "backup \(url.path) is truncated")
            }
            let isLast = offset + length == bytes.count
            do {
                plain += try AEAD.open(
                    Array(bytes[offset..<offset + length]), key: fileKey,
                    associatedData: chunkContext(index, isLast: isLast))
            } catch {
                throw VaultError(.integrity, "backup \(url.path) is damaged or was altered (chunk \(index))")
            }
            offset += length
            index += 1
        }
        return plain
    }

    private var backupContext: [UInt8] { Array("tresor.backup\0".utf8) + keyring.vaultID }

    private func chunkContext(_ index: UInt64, isLast: Bool) -> [UInt8] {
        Array("tresor.backup.chunk\0".utf8) + withUnsafeBytes(of: index.bigEndian, Array.init) + [isLast ? 1 : 0]
    }

    static func removeDatabaseFiles(_ url: URL) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(url.path + suffix) }
    }
}
