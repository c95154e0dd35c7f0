import CSodium

/// An Ed25519 signing key (secret part in protected memory). Signs audit and ledger checkpoints
/// and destruction records.
public struct SigningKey: Sendable, CustomStringConvertible, CustomReflectable {
    private let secret: SecureBytes  // 64 bytes: seed ‖ public key (libsodium's layout)
    /// The public key, safe to publish.
    public let publicKey: PublicSigningKey

    static let seedSize = Int(crypto_sign_SEEDBYTES)
    static let secretSize = Int(crypto_sign_SECRETKEYBYTES)

    /// Derives a signing key from a 32-byte seed held in a symmetric key (so it can be wrapped
    /// under the master key like any other key).
    public init(seed: some SymmetricKey) throws(CryptoError) {
        try Sodium.ensureInitialized()
        secret = try SecureBytes(count: Self.secretSize)
        var publicBytes = [UInt8](repeating: 0, count: Int(crypto_sign_PUBLICKEYBYTES))
        let rc = crypto_sign_seed_keypair(
            &publicBytes, secret.pointer.assumingMemoryBound(to: UInt8.self), seed.material.pointer)
        try Sodium.check(rc, "crypto_sign_seed_keypair")
        publicKey = PublicSigningKey(bytes: publicBytes)
    }

    /// A detached Ed25519 signature of `message`.
    public func signature(for message: [UInt8]) -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: Int(crypto_sign_BYTES))
        _ = crypto_sign_detached(
            &signature, nil, message, UInt64(message.count), secret.pointer.assumingMemoryBound(to: UInt8.self))
        return signature
    }

    public var description: String { "SigningKey(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// An Ed25519 public key.
public struct PublicSigningKey: Sendable, Hashable {
    /// The 32 raw bytes.
    public let bytes: [UInt8]

    /// Wraps raw public-key bytes.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// True when `signature` is a valid signature of `message` under this key.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard (try? Sodium.ensureInitialized()) != nil,
            signature.count == Int(crypto_sign_BYTES), bytes.count == Int(crypto_sign_PUBLICKEYBYTES)
        else { return false }
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), bytes) == 0
    }
}
