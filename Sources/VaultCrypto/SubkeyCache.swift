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
    /// Slots filled, next slot to replace, subkeys derived so far.
    private let counters: UnsafeMutablePointer<Int>
    /// Lookups without reference counting (see `Handle`), valid while this cache lives.
    public let handle: Handle

    /// Subkeys derived so far (for tests).
    public var derivations: Int { counters[2] }

    /// Allocates the cache's protected memory.
    public init() throws(CryptoError) {
        secrets = try SecureBytes(count: KeyMaterial.byteCount + Self.slotCount * Self.slotSize)
        counters = .allocate(capacity: 3)
        counters.initialize(repeating: 0, count: 3)
        handle = Handle(keyCopy: secrets.pointer.assumingMemoryBound(to: UInt8.self), counters: counters)
    }

    deinit { counters.deallocate() }

    /// The cache's memory, seen through plain pointers: passing or copying a handle does no
    /// reference counting (an atomic operation per value opened otherwise). Valid only while the
    /// `SubkeyCache` it came from is alive; whoever holds a handle keeps the cache too.
    public struct Handle {
        fileprivate let keyCopy: UnsafeMutablePointer<UInt8>
        fileprivate let counters: UnsafeMutablePointer<Int>

        private func slot(_ index: Int) -> UnsafeMutablePointer<UInt8> {
            keyCopy + KeyMaterial.byteCount + index * SubkeyCache.slotSize
        }

        /// The subkey `HChaCha20(key, prefix)` for the 32-byte key at `key`, valid until the next call.
        func subkey(forKeyAt key: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
            var filled = counters[0]
            if filled == 0 || !KeyMaterial.equal(key, keyCopy) {
                keyCopy.update(from: key, count: KeyMaterial.byteCount)
                filled = 0
                counters[1] = 0
            } else {
                for index in 0..<filled where memcmp(slot(index), prefix, XChaChaSubkey.prefixSize) == 0 {
                    return UnsafePointer(slot(index) + XChaChaSubkey.prefixSize)
                }
            }
            let next = counters[1]
            let target = slot(next)
            target.update(from: prefix, count: XChaChaSubkey.prefixSize)
            XChaChaSubkey.derive(target + XChaChaSubkey.prefixSize, key: keyCopy, prefix: prefix)
            counters[2] += 1
            counters[1] = (next + 1) % SubkeyCache.slotCount
            counters[0] = min(filled + 1, SubkeyCache.slotCount)
            return UnsafePointer(target + XChaChaSubkey.prefixSize)
        }
    }
}

@available(*, unavailable)
extension SubkeyCache: Sendable {}
