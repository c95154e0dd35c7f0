import CSodium

/// Many data keys in one block of protected memory.
///
/// `sodium_malloc` costs several system calls and guard pages per allocation, far too much
/// for one key per subject when a batch touches thousands of subjects. A slab holds
/// `capacity` keys in a single allocation; each slot is wiped when it is reused or cleared.
/// Not thread-safe: its owner serialises access.
public final class KeySlab {
    private let storage: SecureBytes
    /// Number of key slots.
    public let capacity: Int
    /// Random bytes for the next `reserveKeys` generated keys, in protected memory too:
    /// `randombytes_buf` makes one `getrandom` system call per call, and an import generates a
    /// key per new subject. Each key's bytes are wiped here once copied to its slot.
    private let reserve: SecureBytes
    private var reserveOffset: Int
    /// The fork generation (`ForkGeneration.process`) the reserve was filled in: a child process
    /// made by `fork` refills it rather than generate the keys its parent will.
    private var reserveGeneration = 0
    static let reserveKeys = 64

    /// Allocates a slab of `capacity` zeroed key slots.
    public init(capacity: Int) throws(CryptoError) {
        precondition(capacity > 0, "a key slab needs at least one slot")
        self.capacity = capacity
        storage = try SecureBytes(count: capacity * KeyMaterial.byteCount)
        reserve = try SecureBytes(count: Self.reserveKeys * KeyMaterial.byteCount)
        reserveOffset = Self.reserveKeys * KeyMaterial.byteCount
        reserveGeneration = ForkGeneration.process.current
    }

    /// Fills slot `index` with a fresh random key and returns it.
    public func generate<Key: SymmetricKey>(at index: Int, as type: Key.Type = Key.self) -> Key {
        let material = slot(index)
        let size = Self.reserveKeys * KeyMaterial.byteCount
        let generation = ForkGeneration.process.current
        if reserveOffset == size || generation != reserveGeneration {
            randombytes_buf(reserve.pointer, size)
            reserveOffset = 0
            reserveGeneration = generation
        }
        (storage.pointer + material.offset).copyMemory(
            from: reserve.pointer + reserveOffset, byteCount: KeyMaterial.byteCount)
        reserve.wipe(offset: reserveOffset, length: KeyMaterial.byteCount)
        reserveOffset += KeyMaterial.byteCount
        return Key(material: material)
    }

    /// Unwraps `wrapped` (sealed by `KeyWrap.wrap`) into slot `index`.
    /// - Throws: `CryptoError.authenticationFailed` when the master key or context is wrong;
    ///   the slot is left wiped.
    public func unwrap<Key: SymmetricKey>(
        _ wrapped: [UInt8], under master: MasterKey, context: [UInt8], at index: Int, as type: Key.Type = Key.self
    ) throws(CryptoError) -> Key {
        let material = slot(index)
        try KeyWrap.unwrap(wrapped, under: master, context: context, into: storage.pointer + material.offset)
        return Key(material: material)
    }

    /// The key already held in slot `index` (filled earlier by `generate` or `unwrap`).
    public func key<Key: SymmetricKey>(at index: Int, as type: Key.Type = Key.self) -> Key {
        Key(material: slot(index))
    }

    /// Wipes slot `index` (the key in it can no longer be used).
    public func wipe(at index: Int) {
        storage.wipe(offset: index * KeyMaterial.byteCount, length: KeyMaterial.byteCount)
    }

    private func slot(_ index: Int) -> KeyMaterial {
        precondition(index >= 0 && index < capacity, "key slot out of range")
        return KeyMaterial(storage: storage, offset: index * KeyMaterial.byteCount)
    }
}

@available(*, unavailable)
extension KeySlab: Sendable {}
