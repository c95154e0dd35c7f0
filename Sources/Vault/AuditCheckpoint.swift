public import Foundation
import VaultCrypto

/// A signed statement "the log named `log` of vault `vaultID` had entry `seq` with hash `hash`
/// at time `at`". An auditor keeps exported checkpoints: a later log that lacks that entry, or
/// has another hash there, was truncated or rewritten.
public struct AuditCheckpoint: Codable, Sendable, Equatable {
    /// Format version (1).
    public var version: Int
    /// `audit` or `consent`.
    public var log: String
    /// The vault's id, hex.
    public var vaultID: String
    /// Sequence number of the last entry covered.
    public var seq: Int64
    /// That entry's hash, hex.
    public var hash: String
    /// When the checkpoint was made (ms since epoch).
    public var at: Int64
    /// The vault's Ed25519 public key, hex.
    public var publicKey: String
    /// Ed25519 signature over the canonical encoding, hex.
    public var signature: String

    /// The bytes that are signed (Audit/FORMAT.md, section "Checkpoints").
    func signedMessage() -> [UInt8] {
        Self.signedMessage(log: log, vaultID: Hex.decode(vaultID) ?? [], seq: seq, hash: Hex.decode(hash) ?? [], at: at)
    }

    static func signedMessage(log: String, vaultID: [UInt8], seq: Int64, hash: [UInt8], at: Int64) -> [UInt8] {
        var encoder = CanonicalEncoder()
        encoder.append(bytes: Array("tresor.checkpoint.v1".utf8))
        encoder.append(log)
        encoder.append(bytes: vaultID)
        encoder.append(UInt64(bitPattern: seq))
        encoder.append(bytes: hash)
        encoder.append(at)
        return encoder.bytes
    }

    static func make(log: String, vaultID: [UInt8], seq: Int64, hash: [UInt8], at: Int64, key: SigningKey)
        -> AuditCheckpoint
    {
        var checkpoint = AuditCheckpoint(
            version: 1, log: log, vaultID: Hex.encode(vaultID), seq: seq, hash: Hex.encode(hash), at: at,
            publicKey: Hex.encode(key.publicKey.bytes), signature: "")
        checkpoint.signature = Hex.encode(key.signature(for: checkpoint.signedMessage()))
        return checkpoint
    }

    /// True when the signature is valid under `publicKey`.
    func hasValidSignature(publicKey: [UInt8]) -> Bool {
        guard let signature = Hex.decode(signature) else { return false }
        return PublicSigningKey(bytes: publicKey).isValidSignature(signature, for: signedMessage())
    }

    /// Reads a checkpoint file.
    public static func load(from url: URL) throws -> AuditCheckpoint {
        do {
            return try JSONDecoder().decode(AuditCheckpoint.self, from: Data(contentsOf: url))
        } catch {
            throw VaultError(.invalidArgument, "\(url.path) is not a Tresor checkpoint file")
        }
    }

    /// Writes the checkpoint as pretty JSON.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}

/// Lower-case hex.
enum Hex {
    static func encode(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            var index = 0
            for byte in bytes {
                out[index] = digit(byte >> 4)
                out[index + 1] = digit(byte & 0xF)
                index += 2
            }
            return index
        }
    }

    private static func digit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 87 + value }

    static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let hi = nibble(utf8[index]), let lo = nibble(utf8[index + 1]) else { return nil }
            out.append(hi << 4 | lo)
            index += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 97...102: c - 87
        case 65...70: c - 55
        default: nil
        }
    }
}
