/// Errors raised by `VaultCrypto`. Messages never contain key material or plaintext.
public enum CryptoError: Error, Equatable, CustomStringConvertible {
    /// `sodium_init` failed; the library cannot be used.
    case libraryUnavailable
    /// `sodium_malloc` could not allocate protected memory.
    case allocationFailed(bytes: Int)
    /// A ciphertext failed authentication: wrong key, wrong associated data or altered bytes.
    case authenticationFailed
    /// A ciphertext is too short or carries an unknown format version.
    case malformedCiphertext(reason: String)
    /// Key bytes of the wrong length were supplied.
    case invalidKeyLength(expected: Int, actual: Int)
    /// Argon2id key derivation failed (usually: not enough memory).
    case keyDerivationFailed
    /// A libsodium call returned an error code.
    case operationFailed(operation: String, code: Int32)

    public var description: String {
        switch self {
        case .libraryUnavailable: "libsodium could not be initialised"
        case .allocationFailed(let bytes): "could not allocate \(bytes) bytes of protected memory"
        case .authenticationFailed: "ciphertext failed authentication (wrong key, wrong context or altered data)"
        case .malformedCiphertext(let reason): "malformed ciphertext: \(reason)"
        case .invalidKeyLength(let expected, let actual): "key must be \(expected) bytes, got \(actual)"
        case .keyDerivationFailed: "passphrase key derivation failed"
        case .operationFailed(let operation, let code): "\(operation) failed with code \(code)"
        }
    }
}
