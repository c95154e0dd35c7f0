import CSodium

#if canImport(Glibc)
    import Glibc
#endif

/// The XChaCha20 subkeys of the last few nonce prefixes met under one key, for opening many
/// format-v1 values of one subject: the values one `SealRun` sealed share a prefix, so reading a
/// profile derives one subkey per run that wrote it instead of one per field.
///
/// A slot is used only when the key equals the one the cache holds (compared in constant time)
/// and the prefix matches byte for byte, so a hit is the subkey HChaCha20 would derive. Holds a
/// copy of that key and the subkeys in `sodium_malloc` memory. Not thread-safe: one per reader.
public final class SubkeyCache {
    /// Prefixes remembered per key.
    static let slotCount = 4
    private static let slotSize = XChaChaSubkey.prefixSize + XChaChaSubkey.subkeySize

    /// The key (32 bytes) ‖ `slotCount` × (prefix (16 bytes) ‖ subkey (32 bytes)).
    private let secrets: SecureBytes
    private var filled = 0
    private var nextSlot = 0
    /// Subkeys derived so far (for tests).
    public private(set) var derivations = 0

    /// Allocates the cache's protected memory.
    public init() throws(CryptoError) {
        secrets = try SecureBytes(count: KeyMaterial.byteCount + Self.slotCount * Self.slotSize)
    }

    private var keyCopy: UnsafeMutablePointer<UInt8> { secrets.pointer.assumingMemoryBound(to: UInt8.self) }
    private func slot(_ index: Int) -> UnsafeMutablePointer<UInt8> {
        keyCopy + KeyMaterial.byteCount + index * Self.slotSize
    }

    /// The subkey `HChaCha20(key, prefix)`, valid until the next call.
    func subkey(for key: KeyMaterial, prefix: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        if filled == 0 || !key.equals(copyAt: keyCopy) {
            keyCopy.update(from: key.pointer, count: KeyMaterial.byteCount)
            filled = 0
            nextSlot = 0
        } else {
            for index in 0..<filled where memcmp(slot(index), prefix, XChaChaSubkey.prefixSize) == 0 {
                return UnsafePointer(slot(index) + XChaChaSubkey.prefixSize)
            }
        }
        let target = slot(nextSlot)
        target.update(from: prefix, count: XChaChaSubkey.prefixSize)
        XChaChaSubkey.derive(target + XChaChaSubkey.prefixSize, key: keyCopy, prefix: prefix)
        derivations += 1
        nextSlot = (nextSlot + 1) % Self.slotCount
        filled = min(filled + 1, Self.slotCount)
        return UnsafePointer(target + XChaChaSubkey.prefixSize)
    }
}

@available(*, unavailable)
extension SubkeyCache: Sendable {}
