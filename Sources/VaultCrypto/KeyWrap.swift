import CSodium

/// Seals a key under the master key (XChaCha20-Poly1305, `AEAD` format) so that it can be
/// stored next to the data; unwrapping writes straight into protected memory.
public enum KeyWrap {
    /// Wraps `key` under `master`, bound to `context` (for a data key: the subject id and version).
    public static func wrap(
        _ key: some SymmetricKey, under master: MasterKey, masterVersion: UInt32 = 1, context: [UInt8]
    ) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        let raw = UnsafeRawBufferPointer(start: key.material.pointer, count: KeyMaterial.byteCount)
        return AEAD.seal(raw, key: master.material, keyVersion: masterVersion, associatedData: context)
    }

    /// `wrap` with the next nonce of `run`: keys wrapped one after another under the master key
    /// (an import's new subjects) share one XChaCha20 subkey per run (Docs/decisions.md, entry
    /// 28) instead of deriving one per key. The wrapped key is the same v1 value.
    public static func wrap(
        _ key: some SymmetricKey, under master: MasterKey, masterVersion: UInt32 = 1, context: [UInt8], run: SealRun
    ) throws(CryptoError) -> [UInt8] {
        let raw = UnsafeRawBufferPointer(start: key.material.pointer, count: KeyMaterial.byteCount)
        return try AEAD.seal(raw, key: master.material, keyVersion: masterVersion, associatedData: context, run: run)
    }

    /// Unwraps a key into new protected memory of its own.
    /// - Throws: `CryptoError.authenticationFailed` under the wrong master key or context.
    public static func unwrap<Key: SymmetricKey>(
        _ wrapped: [UInt8], under master: MasterKey, context: [UInt8], as type: Key.Type = Key.self
    ) throws(CryptoError) -> Key {
        let storage = try SecureBytes(count: KeyMaterial.byteCount)
        try unwrap(wrapped, under: master, context: context, into: storage.pointer)
        return Key(material: KeyMaterial(storage: storage))
    }

    /// Decrypts a wrapped key into `destination` (32 bytes of protected memory).
    static func unwrap(
        _ wrapped: [UInt8], under master: MasterKey, context: [UInt8], into destination: UnsafeMutableRawPointer
    ) throws(CryptoError) {
        try Sodium.ensureInitialized()
        guard wrapped.count == AEAD.overhead + KeyMaterial.byteCount, wrapped[0] == AEAD.formatVersion else {
            throw .malformedCiphertext(reason: "not a wrapped key")
        }
        var ad = Array(wrapped[0..<5])
        ad.append(contentsOf: context)
        var written: UInt64 = 0
        let rc = wrapped.withUnsafeBufferPointer { input in
            crypto_aead_xchacha20poly1305_ietf_decrypt(
                destination.assumingMemoryBound(to: UInt8.self), &written, nil,
                input.baseAddress! + AEAD.headerSize, UInt64(wrapped.count - AEAD.headerSize),
                ad, UInt64(ad.count), input.baseAddress! + 5, master.material.pointer)
        }
        guard rc == 0 else {
            sodium_memzero(destination, KeyMaterial.byteCount)
            throw .authenticationFailed
        }
    }
}
