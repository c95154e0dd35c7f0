import CSodium

/// XChaCha20-Poly1305-IETF with Tresor's versioned ciphertext format.
///
/// Format (all integers big-endian):
/// `format version (1 byte, = 1) ‖ key version (4 bytes) ‖ nonce (24 bytes) ‖ ciphertext ‖ tag (16 bytes)`.
/// The header (version and key version) is authenticated together with the caller's associated
/// data, so a ciphertext cannot be moved to another subject, field or key version.
/// Nonces are random and chosen here; callers never supply them.
public enum AEAD {
    /// Current ciphertext format version.
    public static let formatVersion: UInt8 = 1
    /// Bytes of the header before the ciphertext.
    public static let headerSize = 1 + 4 + nonceSize
    static let nonceSize = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    static let tagSize = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)
    /// Bytes a sealed value adds to its plaintext.
    public static let overhead = headerSize + tagSize

    /// Encrypts `plaintext` under `key`, binding it to `associatedData`.
    public static func seal(
        _ plaintext: [UInt8], key: some SymmetricKey, keyVersion: UInt32, associatedData: [UInt8]
    ) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        return plaintext.withUnsafeBytes {
            seal($0, key: key.material, keyVersion: keyVersion, associatedData: associatedData)
        }
    }

    /// Encrypts raw bytes under `key`; see `seal(_:key:keyVersion:associatedData:)`.
    public static func seal(
        bytes plaintext: UnsafeRawBufferPointer, key: some SymmetricKey, keyVersion: UInt32, associatedData: [UInt8]
    ) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        return seal(plaintext, key: key.material, keyVersion: keyVersion, associatedData: associatedData)
    }

    static func seal(
        _ plaintext: UnsafeRawBufferPointer, key: KeyMaterial, keyVersion: UInt32, associatedData: [UInt8]
    ) -> [UInt8] {
        let total = headerSize + plaintext.count + tagSize
        return [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
            let base = out.baseAddress!
            base[0] = formatVersion
            writeBigEndian(keyVersion, to: base + 1)
            NoncePool.shared.fill(base + 5, count: nonceSize)
            var written: UInt64 = 0
            associatedData.withUnsafeBytes { associatedData in
                withAssociatedData(header: UnsafeRawBufferPointer(start: base, count: 5), associatedData) { ad in
                    _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
                        base + headerSize, &written,
                        plaintext.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(plaintext.count),
                        ad.baseAddress, UInt64(ad.count), nil, base + 5, key.pointer)
                }
            }
            initialized = headerSize + Int(written)
        }
    }

    /// Decrypts a sealed value.
    /// - Throws: `CryptoError.authenticationFailed` when the key, associated data or any byte is
    ///   wrong (no partial plaintext is ever returned); `.malformedCiphertext` for a bad header.
    public static func open(
        _ sealed: [UInt8], key: some SymmetricKey, associatedData: [UInt8]
    ) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        return try open(sealed, key: key.material, associatedData: associatedData)
    }

    /// Decrypts a sealed value in place into `output`, which needs room for the plaintext
    /// (`sealed.count` bytes are always enough), and returns the plaintext's length. For hot read
    /// paths: no allocation, and a concrete key type (no generic call across modules).
    /// - Throws: as `open(_:key:associatedData:)`; on failure `output` holds no plaintext.
    public static func open(
        _ sealed: UnsafeRawBufferPointer, key: DataKey, associatedData: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(CryptoError) -> Int {
        try Sodium.ensureInitialized()
        return try open(sealed, key: key.material, associatedData: associatedData, into: output)
    }

    static func open(_ sealed: [UInt8], key: KeyMaterial, associatedData: [UInt8]) throws(CryptoError) -> [UInt8] {
        var failure: CryptoError?
        let plaintext = sealed.withUnsafeBytes { input in
            associatedData.withUnsafeBytes { associatedData in
                [UInt8](unsafeUninitializedCapacity: max(sealed.count, 1)) { out, initialized in
                    do throws(CryptoError) {
                        initialized = try open(
                            input, key: key, associatedData: associatedData, into: UnsafeMutableRawBufferPointer(out))
                    } catch {
                        failure = error
                        initialized = 0
                    }
                }
            }
        }
        if let failure { throw failure }
        return plaintext
    }

    static func open(
        _ sealed: UnsafeRawBufferPointer, key: KeyMaterial, associatedData: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(CryptoError) -> Int {
        guard sealed.count >= overhead, let base = sealed.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            throw .malformedCiphertext(reason: "too short")
        }
        guard base[0] == formatVersion else {
            throw .malformedCiphertext(reason: "unknown format version \(base[0])")
        }
        precondition(output.count >= sealed.count - overhead, "AEAD.open: output buffer too small")
        var written: UInt64 = 0
        let rc = withAssociatedData(header: UnsafeRawBufferPointer(start: base, count: 5), associatedData) { ad in
            crypto_aead_xchacha20poly1305_ietf_decrypt(
                output.baseAddress?.assumingMemoryBound(to: UInt8.self), &written, nil,
                base + headerSize, UInt64(sealed.count - headerSize),
                ad.baseAddress, UInt64(ad.count), base + 5, key.pointer)
        }
        guard rc == 0 else { throw .authenticationFailed }
        return Int(written)
    }

    /// The key version recorded in a sealed value's header.
    public static func keyVersion(of sealed: [UInt8]) throws(CryptoError) -> UInt32 {
        guard sealed.count >= overhead, sealed[0] == formatVersion else {
            throw .malformedCiphertext(reason: "bad header")
        }
        return UInt32(sealed[1]) << 24 | UInt32(sealed[2]) << 16 | UInt32(sealed[3]) << 8 | UInt32(sealed[4])
    }

    /// Calls `body` with header ‖ associated data in one buffer (on the stack when small).
    private static func withAssociatedData<R>(
        header: UnsafeRawBufferPointer, _ associatedData: UnsafeRawBufferPointer,
        _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: header.count + associatedData.count) { buffer in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            raw.copyMemory(from: header)
            if associatedData.count > 0 {
                UnsafeMutableRawBufferPointer(rebasing: raw[header.count...]).copyMemory(from: associatedData)
            }
            return body(UnsafeBufferPointer(buffer))
        }
    }

    private static func writeBigEndian(_ value: UInt32, to pointer: UnsafeMutablePointer<UInt8>) {
        pointer[0] = UInt8(truncatingIfNeeded: value >> 24)
        pointer[1] = UInt8(truncatingIfNeeded: value >> 16)
        pointer[2] = UInt8(truncatingIfNeeded: value >> 8)
        pointer[3] = UInt8(truncatingIfNeeded: value)
    }
}

/// The raw XChaCha20-Poly1305-IETF construction, for known-answer tests against
/// draft-irtf-cfrg-xchacha. Production code uses `AEAD`, which chooses its own nonces.
public enum XChaCha20Poly1305 {
    /// Encrypts with an explicit nonce. Never use outside known-answer tests.
    public static func encryptForTesting(
        _ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]
    ) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        guard key.count == KeyMaterial.byteCount else {
            throw .invalidKeyLength(expected: KeyMaterial.byteCount, actual: key.count)
        }
        precondition(nonce.count == AEAD.nonceSize, "XChaCha20 nonce must be 24 bytes")
        var out = [UInt8](repeating: 0, count: plaintext.count + AEAD.tagSize)
        var written: UInt64 = 0
        let rc = crypto_aead_xchacha20poly1305_ietf_encrypt(
            &out, &written, plaintext, UInt64(plaintext.count), associatedData, UInt64(associatedData.count),
            nil, nonce, key)
        try Sodium.check(rc, "crypto_aead_xchacha20poly1305_ietf_encrypt")
        return out
    }
}
