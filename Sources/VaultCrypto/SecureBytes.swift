import CSodium

/// Secret bytes in `sodium_malloc` memory (guard pages, no swap where the OS allows),
/// wiped and freed when the last reference goes away.
///
/// The bytes are reachable only inside `VaultCrypto`; other modules hold keys as opaque values.
public final class SecureBytes: @unchecked Sendable {
    // Sendable: the buffer is written only while it is being filled, before it is shared;
    // every later access is a read, or a slot write guarded by its owner (`KeySlab`).
    let pointer: UnsafeMutableRawPointer
    /// Number of bytes held.
    public let count: Int

    /// Allocates `count` zeroed bytes of protected memory.
    /// - Throws: `CryptoError.allocationFailed` when the allocation fails.
    init(count: Int) throws(CryptoError) {
        try Sodium.ensureInitialized()
        guard let raw = sodium_malloc(count) else { throw .allocationFailed(bytes: count) }
        sodium_memzero(raw, count)
        pointer = raw
        self.count = count
    }

    /// Allocates protected memory filled with random bytes.
    static func random(count: Int) throws(CryptoError) -> SecureBytes {
        let bytes = try SecureBytes(count: count)
        randombytes_buf(bytes.pointer, count)
        return bytes
    }

    /// Overwrites `length` bytes at `offset` with zeros.
    func wipe(offset: Int = 0, length: Int? = nil) {
        sodium_memzero(pointer + offset, length ?? count - offset)
    }

    deinit {
        sodium_free(pointer)  // sodium_free zeroes the memory before releasing it
    }
}
