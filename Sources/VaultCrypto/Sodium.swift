import CSodium

/// One-time initialisation of libsodium; every entry point of `VaultCrypto` goes through it.
enum Sodium {
    /// The result of the single `sodium_init` call (0 or 1 means ready).
    private static let initResult: Int32 = sodium_init()

    /// Ensures libsodium is initialised.
    /// - Throws: `CryptoError.libraryUnavailable` when `sodium_init` failed.
    static func ensureInitialized() throws(CryptoError) {
        guard initResult >= 0 else { throw .libraryUnavailable }
    }

    /// Maps a libsodium status code to an error.
    static func check(_ code: Int32, _ operation: String) throws(CryptoError) {
        guard code == 0 else { throw .operationFailed(operation: operation, code: code) }
    }

    /// Fills `count` bytes with cryptographically secure random data.
    static func randomBytes(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) }
        return bytes
    }
}

/// Public helpers that need libsodium but hold no secret.
public enum CryptoRandom {
    /// Cryptographically secure random bytes (for ids and salts; never for nonces chosen by callers).
    public static func bytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        return Sodium.randomBytes(count)
    }

    /// Two random 64-bit words from the buffer nonces come from (`NoncePool`): the same CSPRNG
    /// output without a system call each, for ids minted by the hundred thousand. Never for keys.
    public static func pooledWords() throws(CryptoError) -> (UInt64, UInt64) {
        try Sodium.ensureInitialized()
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) {
            NoncePool.shared.fill($0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 16)
        }
        return words
    }

    /// Constant-time equality of two byte strings of the same length.
    public static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.isEmpty { return true }
        return lhs.withUnsafeBytes { l in
            rhs.withUnsafeBytes { r in sodium_memcmp(l.baseAddress!, r.baseAddress!, lhs.count) == 0 }
        }
    }
}
