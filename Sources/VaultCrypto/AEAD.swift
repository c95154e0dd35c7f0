import CSodium

/// Authenticated encryption with Tresor's versioned ciphertext format.
///
/// A sealed value is (all integers big-endian)
/// `format version (1 byte) ‖ key version (4 bytes) ‖ nonce ‖ ciphertext ‖ tag (16 bytes)`.
/// The header (version and key version) is authenticated together with the caller's associated
/// data, so a ciphertext cannot be moved to another subject, field or key version.
/// Nonces are random and chosen here; callers never supply them.
///
/// `Format` lists the formats: v1, XChaCha20-Poly1305 with a 24-byte nonce (the default), and
/// v2, ChaCha20-Poly1305 with a 12-byte nonce (field values and event properties). `open` reads
/// both, dispatching on the version byte, so values sealed in v1 stay readable.
public enum AEAD {
    /// The version byte of the default format (v1, XChaCha20-Poly1305).
    public static let formatVersion: UInt8 = Format.xchacha20Poly1305.rawValue
    /// Bytes of the header before the ciphertext, in the default format (v1).
    public static let headerSize = Format.xchacha20Poly1305.headerSize
    static let nonceSize = Format.xchacha20Poly1305.nonceSize
    static let tagSize = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)
    /// Bytes a sealed value adds to its plaintext, in the default format (v1).
    public static let overhead = Format.xchacha20Poly1305.overhead
    /// Bytes of the authenticated header (format version and key version).
    static let authenticatedHeaderSize = 5

    /// Encrypts `plaintext` under `key` in `format`, binding it to `associatedData`.
    public static func seal(
        _ plaintext: [UInt8], key: some SymmetricKey, keyVersion: UInt32, associatedData: [UInt8],
        format: Format = .xchacha20Poly1305
    ) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        return plaintext.withUnsafeBytes {
            seal($0, key: key.material, keyVersion: keyVersion, associatedData: associatedData, format: format)
        }
    }

    /// Encrypts raw bytes under `key`; see `seal(_:key:keyVersion:associatedData:format:)`.
    public static func seal(
        bytes plaintext: UnsafeRawBufferPointer, key: some SymmetricKey, keyVersion: UInt32, associatedData: [UInt8],
        format: Format = .xchacha20Poly1305
    ) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        return seal(
            plaintext, key: key.material, keyVersion: keyVersion, associatedData: associatedData, format: format)
    }

    /// Encrypts raw bytes into `output`, which needs `format.overhead + plaintext.count` bytes, and
    /// returns the sealed value's length. For hot write paths: no allocation, associated data read
    /// in place, a concrete key type.
    public static func seal(
        bytes plaintext: UnsafeRawBufferPointer, key: DataKey, keyVersion: UInt32,
        associatedData: UnsafeRawBufferPointer, format: Format, into output: UnsafeMutableRawBufferPointer
    ) throws(CryptoError) -> Int {
        try Sodium.ensureInitialized()
        precondition(output.count >= format.overhead + plaintext.count, "AEAD.seal: output buffer too small")
        return seal(
            plaintext, key: key.material, keyVersion: keyVersion, associatedData: associatedData, format: format,
            into: output.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }

    static func seal(
        _ plaintext: UnsafeRawBufferPointer, key: KeyMaterial, keyVersion: UInt32, associatedData: [UInt8],
        format: Format = .xchacha20Poly1305
    ) -> [UInt8] {
        let total = format.headerSize + plaintext.count + tagSize
        return [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
            initialized = associatedData.withUnsafeBytes { associatedData in
                seal(
                    plaintext, key: key, keyVersion: keyVersion, associatedData: associatedData, format: format,
                    into: out.baseAddress!)
            }
        }
    }

    /// Writes `header ‖ nonce ‖ ciphertext ‖ tag` at `base` (room for `format.overhead +
    /// plaintext.count` bytes) and returns its length.
    static func seal(
        _ plaintext: UnsafeRawBufferPointer, key: KeyMaterial, keyVersion: UInt32,
        associatedData: UnsafeRawBufferPointer, format: Format, into base: UnsafeMutablePointer<UInt8>
    ) -> Int {
        let headerSize = format.headerSize
        base[0] = format.rawValue
        writeBigEndian(keyVersion, to: base + 1)
        let nonce = base + authenticatedHeaderSize
        NoncePool.shared.fill(nonce, count: format.nonceSize)
        let written = format.encrypt(
            base + headerSize, plaintext, header: UnsafeRawBufferPointer(start: base, count: authenticatedHeaderSize),
            associatedData: associatedData, nonce: nonce, key: key.pointer)
        return headerSize + written
    }

    /// Seals raw bytes in format v1 into `output` (room for `overhead + plaintext.count` bytes)
    /// with the next nonce of `run`, and returns the sealed value's length. For writers that seal
    /// many values in a row, often several under one key: the run derives the XChaCha20 subkey
    /// once per key and prefix instead of once per value. The result is a plain v1 value.
    public static func seal(
        bytes plaintext: UnsafeRawBufferPointer, key: DataKey, keyVersion: UInt32,
        associatedData: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, run: SealRun
    ) throws(CryptoError) -> Int {
        try seal(
            bytes: plaintext, key: key.material, keyVersion: keyVersion, associatedData: associatedData,
            into: output, run: run)
    }

    /// `seal(bytes:key:keyVersion:associatedData:into:run:)` under any key's material.
    static func seal(
        bytes plaintext: UnsafeRawBufferPointer, key: KeyMaterial, keyVersion: UInt32,
        associatedData: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, run: SealRun
    ) throws(CryptoError) -> Int {
        try Sodium.ensureInitialized()
        let format = Format.xchacha20Poly1305
        precondition(output.count >= format.overhead + plaintext.count, "AEAD.seal: output buffer too small")
        let base = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
        base[0] = format.rawValue
        writeBigEndian(keyVersion, to: base + 1)
        let nonce = base + authenticatedHeaderSize
        let subkey = run.next(for: key, nonce: nonce)
        let written = XChaChaSubkey.encrypt(
            base + format.headerSize, plaintext,
            header: UnsafeRawBufferPointer(start: base, count: authenticatedHeaderSize),
            associatedData: associatedData, nonce: nonce, subkey: subkey)
        return format.headerSize + written
    }

    /// `seal(bytes:key:keyVersion:associatedData:into:run:)` returning a new array.
    public static func seal(
        _ plaintext: [UInt8], key: DataKey, keyVersion: UInt32, associatedData: [UInt8], run: SealRun
    ) throws(CryptoError) -> [UInt8] {
        try array(capacity: overhead + plaintext.count, reading: plaintext, associatedData) {
            plaintext, ad, output throws(CryptoError) in
            try seal(bytes: plaintext, key: key, keyVersion: keyVersion, associatedData: ad, into: output, run: run)
        }
    }

    /// `open(_:key:associatedData:followedBy:into:subkeys:)` returning a new array.
    public static func open(
        _ sealed: [UInt8], key: DataKey, associatedData: [UInt8], subkeys: SubkeyCache
    ) throws(CryptoError) -> [UInt8] {
        try array(capacity: max(sealed.count, 1), reading: sealed, associatedData) {
            sealed, ad, output throws(CryptoError) in
            try open(
                sealed, key: key, associatedData: ad, followedBy: UnsafeRawBufferPointer(start: nil, count: 0),
                into: output, subkeys: subkeys)
        }
    }

    /// `seal(bytes:key:keyVersion:associatedData:into:run:)` under any key's material, returning
    /// a new array (key wraps under the master key).
    static func seal(
        _ plaintext: UnsafeRawBufferPointer, key: KeyMaterial, keyVersion: UInt32, associatedData: [UInt8],
        run: SealRun
    ) throws(CryptoError) -> [UInt8] {
        try array(capacity: overhead + plaintext.count, reading: [], associatedData) {
            _, ad, output throws(CryptoError) in
            try seal(bytes: plaintext, key: key, keyVersion: keyVersion, associatedData: ad, into: output, run: run)
        }
    }

    /// A new array of at most `capacity` bytes, written by `fill`, which reads `first` and
    /// `second` in place and returns how many bytes it wrote; rethrows what `fill` throws.
    private static func array(
        capacity: Int, reading first: [UInt8], _ second: [UInt8],
        _ fill: (UnsafeRawBufferPointer, UnsafeRawBufferPointer, UnsafeMutableRawBufferPointer) throws(CryptoError)
            -> Int
    ) throws(CryptoError) -> [UInt8] {
        var failure: CryptoError?
        let bytes = first.withUnsafeBytes { first in
            second.withUnsafeBytes { second in
                [UInt8](unsafeUninitializedCapacity: capacity) { output, initialized in
                    do throws(CryptoError) {
                        initialized = try fill(first, second, UnsafeMutableRawBufferPointer(output))
                    } catch {
                        failure = error
                        initialized = 0
                    }
                }
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// `open(_:key:associatedData:followedBy:into:)` taking a v1 value's XChaCha20 subkey from
    /// `subkeys` when its key and nonce prefix were met before (values of one `SealRun`), so that
    /// opening many values of one subject derives few subkeys. Other formats open as usual.
    public static func open(
        _ sealed: UnsafeRawBufferPointer, key: DataKey, associatedData first: UnsafeRawBufferPointer,
        followedBy second: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, subkeys: SubkeyCache
    ) throws(CryptoError) -> Int {
        try open(
            sealed, key: key.unowned, associatedData: first, followedBy: second, into: output, subkeys: subkeys.handle)
    }

    /// `open(_:key:associatedData:followedBy:into:subkeys:)` with the key as an `UnownedKey` and
    /// the cache as its `Handle`: for loops over many values of one subject, which then do no
    /// reference counting per value. The caller keeps the key and the cache alive.
    public static func open(
        _ sealed: UnsafeRawBufferPointer, key: UnownedKey, associatedData first: UnsafeRawBufferPointer,
        followedBy second: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer,
        subkeys: SubkeyCache.Handle
    ) throws(CryptoError) -> Int {
        try Sodium.ensureInitialized()
        let format = try Self.format(of: sealed)
        let base = sealed.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let ciphertext = UnsafeRawBufferPointer(rebasing: sealed[format.headerSize...])
        precondition(output.count >= ciphertext.count - tagSize, "AEAD.open: output buffer too small")
        guard format == .xchacha20Poly1305 else {
            return try open(sealed, keyAt: key.pointer, associatedData: first, second, into: output)
        }
        let header = UnsafeRawBufferPointer(start: base, count: authenticatedHeaderSize)
        let nonce = base + authenticatedHeaderSize
        let subkey = subkeys.subkey(forKeyAt: key.pointer, prefix: nonce)
        let written = withAssociatedData(header: header, first, second) { ad in
            XChaChaSubkey.decrypt(
                output.baseAddress?.assumingMemoryBound(to: UInt8.self), ciphertext, associatedData: ad, nonce: nonce,
                subkey: subkey)
        }
        guard let written else { throw .authenticationFailed }
        return written
    }

    /// Decrypts a sealed value of any format.
    /// - Throws: `CryptoError.authenticationFailed` when the key, associated data or any byte is
    ///   wrong (no partial plaintext is ever returned); `.malformedCiphertext` for a bad header.
    public static func open(
        _ sealed: [UInt8], key: some SymmetricKey, associatedData: [UInt8]
    ) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        return try open(sealed, key: key.material, associatedData: associatedData)
    }

    /// Decrypts a sealed value of any format in place into `output`, which needs room for the
    /// plaintext (`sealed.count` bytes are always enough), and returns the plaintext's length.
    /// For hot read paths: no allocation, and a concrete key type (no generic call across modules).
    /// - Throws: as `open(_:key:associatedData:)`; on failure `output` holds no plaintext.
    public static func open(
        _ sealed: UnsafeRawBufferPointer, key: DataKey, associatedData: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(CryptoError) -> Int {
        try Sodium.ensureInitialized()
        return try open(sealed, key: key.material, associatedData: associatedData, into: output)
    }

    /// `open(_:key:associatedData:into:)` with the associated data given in two parts, `first ‖
    /// second`, so that a caller that opens many values sharing a prefix (one subject's fields)
    /// need not assemble each one's associated data.
    public static func open(
        _ sealed: UnsafeRawBufferPointer, key: DataKey, associatedData first: UnsafeRawBufferPointer,
        followedBy second: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(CryptoError) -> Int {
        try Sodium.ensureInitialized()
        return try open(sealed, key: key.material, associatedData: first, second, into: output)
    }

    static func open(_ sealed: [UInt8], key: KeyMaterial, associatedData: [UInt8]) throws(CryptoError) -> [UInt8] {
        try array(capacity: max(sealed.count, 1), reading: sealed, associatedData) {
            sealed, ad, output throws(CryptoError) in
            try open(sealed, key: key, associatedData: ad, into: output)
        }
    }

    static func open(
        _ sealed: UnsafeRawBufferPointer, key: KeyMaterial, associatedData first: UnsafeRawBufferPointer,
        _ second: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
        into output: UnsafeMutableRawBufferPointer
    ) throws(CryptoError) -> Int {
        try open(sealed, keyAt: key.pointer, associatedData: first, second, into: output)
    }

    /// Opens a value of any format with the 32-byte key at `key` (kept alive by the caller).
    static func open(
        _ sealed: UnsafeRawBufferPointer, keyAt key: UnsafePointer<UInt8>, associatedData first: UnsafeRawBufferPointer,
        _ second: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
        into output: UnsafeMutableRawBufferPointer
    ) throws(CryptoError) -> Int {
        let format = try Self.format(of: sealed)
        let base = sealed.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let ciphertext = UnsafeRawBufferPointer(rebasing: sealed[format.headerSize...])
        precondition(output.count >= ciphertext.count - tagSize, "AEAD.open: output buffer too small")
        let header = UnsafeRawBufferPointer(start: base, count: authenticatedHeaderSize)
        let written = withAssociatedData(header: header, first, second) { ad in
            format.decrypt(
                output.baseAddress?.assumingMemoryBound(to: UInt8.self), ciphertext, associatedData: ad,
                nonce: base + authenticatedHeaderSize, key: key)
        }
        guard let written else { throw .authenticationFailed }
        return written
    }

    /// The format of a sealed value, after checking that it is long enough to be one.
    static func format(of sealed: UnsafeRawBufferPointer) throws(CryptoError) -> Format {
        try format(version: sealed.first, count: sealed.count)
    }

    /// The format of a sealed value (named by its first byte).
    /// - Throws: `CryptoError.malformedCiphertext` for an unknown version or a value too short.
    public static func format(of sealed: [UInt8]) throws(CryptoError) -> Format {
        try format(version: sealed.first, count: sealed.count)
    }

    private static func format(version: UInt8?, count: Int) throws(CryptoError) -> Format {
        guard let version else { throw .malformedCiphertext(reason: "too short") }
        guard let format = Format(rawValue: version) else {
            throw .malformedCiphertext(reason: "unknown format version \(version)")
        }
        guard count >= format.overhead else { throw .malformedCiphertext(reason: "too short") }
        return format
    }

    /// The key version recorded in a sealed value's header.
    public static func keyVersion(of sealed: [UInt8]) throws(CryptoError) -> UInt32 {
        do {
            _ = try format(of: sealed)
        } catch {
            throw .malformedCiphertext(reason: "bad header")
        }
        return UInt32(sealed[1]) << 24 | UInt32(sealed[2]) << 16 | UInt32(sealed[3]) << 8 | UInt32(sealed[4])
    }

    /// Calls `body` with header ‖ associated data (given in up to two parts) in one buffer, on the
    /// stack when small.
    private static func withAssociatedData<R>(
        header: UnsafeRawBufferPointer, _ first: UnsafeRawBufferPointer,
        _ second: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
        _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: header.count + first.count + second.count) { buffer in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            raw.copyMemory(from: header)
            if first.count > 0 {
                UnsafeMutableRawBufferPointer(rebasing: raw[header.count...]).copyMemory(from: first)
            }
            if second.count > 0 {
                UnsafeMutableRawBufferPointer(rebasing: raw[(header.count + first.count)...]).copyMemory(from: second)
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

/// The raw ChaCha20-Poly1305-IETF construction (RFC 8439), for known-answer tests and for building
/// format-v2 values with a chosen nonce in tests. Production code uses `AEAD`, which chooses its
/// own nonces.
public enum ChaCha20Poly1305 {
    /// Encrypts with an explicit 12-byte nonce; returns ciphertext ‖ tag. Never use outside tests.
    public static func encryptForTesting(
        _ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]
    ) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        guard key.count == KeyMaterial.byteCount else {
            throw .invalidKeyLength(expected: KeyMaterial.byteCount, actual: key.count)
        }
        precondition(nonce.count == AEAD.Format.chaCha20Poly1305.nonceSize, "ChaCha20 nonce must be 12 bytes")
        var out = [UInt8](repeating: 0, count: plaintext.count + AEAD.tagSize)
        var written: UInt64 = 0
        let rc = crypto_aead_chacha20poly1305_ietf_encrypt(
            &out, &written, plaintext, UInt64(plaintext.count), associatedData, UInt64(associatedData.count),
            nil, nonce, key)
        try Sodium.check(rc, "crypto_aead_chacha20poly1305_ietf_encrypt")
        return out
    }

    /// Opens ciphertext ‖ tag sealed with an explicit 12-byte nonce. Never use outside tests.
    public static func openForTesting(
        _ sealed: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]
    ) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        guard key.count == KeyMaterial.byteCount else {
            throw .invalidKeyLength(expected: KeyMaterial.byteCount, actual: key.count)
        }
        precondition(nonce.count == AEAD.Format.chaCha20Poly1305.nonceSize, "ChaCha20 nonce must be 12 bytes")
        guard sealed.count >= AEAD.tagSize else { throw .malformedCiphertext(reason: "shorter than a tag") }
        var out = [UInt8](repeating: 0, count: sealed.count - AEAD.tagSize)
        var written: UInt64 = 0
        let rc = crypto_aead_chacha20poly1305_ietf_decrypt(
            &out, &written, nil, sealed, UInt64(sealed.count), associatedData, UInt64(associatedData.count), nonce, key)
        guard rc == 0 else { throw .authenticationFailed }
        return out
    }
}
