import Foundation
import VaultCrypto

/// The master key file: `TRESOR-MASTER-KEY v1 <base64 of 32 bytes>` on one line, mode 0600.
/// Opening refuses a file that the group or others can read.
enum KeyFile {
    static let header = "TRESOR-MASTER-KEY v1 "

    /// Writes a new key file with mode 0600 atomically (temporary file, fsync, rename).
    static func write(_ key: MasterKey, to path: String) throws {
        var bytes = key.exportBytes()
        defer { for index in bytes.indices { bytes[index] = 0 } }
        let text = header + Data(bytes).base64EncodedString() + "\n"
        let temporary = path + ".tmp"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw VaultError(.keyFileInvalid, "cannot create key file \(temporary)") }
        let data = Array(text.utf8)
        let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        guard written == data.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw VaultError(.keyFileInvalid, "cannot write key file \(path)")
        }
    }

    /// Reads the key file at `path`.
    /// - Throws: `.keyFileMissing`, `.keyFileInsecure` (group/world permissions) or `.keyFileInvalid`.
    static func read(from path: String) throws -> MasterKey {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw VaultError(.keyFileMissing, "key file \(path) is missing; the vault cannot be opened without it")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw VaultError(
                .keyFileInsecure,
                "key file \(path) is readable by group or others (mode \(String(info.st_mode & 0o777, radix: 8))); run: chmod 600 \(path)"
            )
        }
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
            text.hasPrefix(header.trimmingCharacters(in: .whitespaces)),
            let decoded = Data(base64Encoded: String(text.dropFirst(header.count))), decoded.count == 32
        else {
            throw VaultError(.keyFileInvalid, "key file \(path) is not a Tresor master key file")
        }
        var bytes = [UInt8](decoded)
        defer { for index in bytes.indices { bytes[index] = 0 } }
        return try MasterKey(bytes: bytes)
    }
}
