import CSodium

/// Argon2id key derivation: turns a passphrase into a master key.
public enum PassphraseKDF {
    /// Salt size in bytes.
    public static let saltSize = Int(crypto_pwhash_SALTBYTES)

    /// Work factors. `interactive` suits tests; `moderate` is the vault's default.
    public struct Cost: Sendable, Equatable, Codable {
        /// Passes over memory.
        public var operations: UInt64
        /// Memory in bytes.
        public var memory: Int
        /// libsodium's interactive limits (fast; for tests and demos).
        public static let interactive = Cost(
            operations: UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE), memory: Int(crypto_pwhash_MEMLIMIT_INTERACTIVE))
        /// libsodium's moderate limits (about 256 MiB).
        public static let moderate = Cost(
            operations: UInt64(crypto_pwhash_OPSLIMIT_MODERATE), memory: Int(crypto_pwhash_MEMLIMIT_MODERATE))
        /// Creates custom limits.
        public init(operations: UInt64, memory: Int) {
            self.operations = operations
            self.memory = memory
        }
    }

    /// A fresh random salt.
    public static func makeSalt() throws(CryptoError) -> [UInt8] { try CryptoRandom.bytes(saltSize) }

    /// Derives a master key from `passphrase` and `salt` with Argon2id.
    public static func deriveMasterKey(passphrase: String, salt: [UInt8], cost: Cost) throws(CryptoError) -> MasterKey {
        try Sodium.ensureInitialized()
        guard salt.count == saltSize else { throw .invalidKeyLength(expected: saltSize, actual: salt.count) }
        let storage = try SecureBytes(count: KeyMaterial.byteCount)
        var password = Array(passphrase.utf8CString)
        defer { password.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) } }
        let rc = crypto_pwhash(
            storage.pointer.assumingMemoryBound(to: UInt8.self), UInt64(KeyMaterial.byteCount),
            password, UInt64(password.count - 1), salt, cost.operations, cost.memory,
            crypto_pwhash_ALG_ARGON2ID13)
        guard rc == 0 else { throw .keyDerivationFailed }
        return MasterKey(material: KeyMaterial(storage: storage))
    }
}
