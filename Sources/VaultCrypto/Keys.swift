import CSodium

/// A view of 32 secret bytes inside protected memory: either a whole `SecureBytes`
/// of its own or one slot of a `KeySlab`.
public struct KeyMaterial: @unchecked Sendable {
    // Sendable: `SecureBytes` is immutable after the key is filled (see its note).
    let storage: SecureBytes
    let offset: Int

    /// Size of every symmetric key in Tresor (XChaCha20-Poly1305 and BLAKE2b keys).
    public static let byteCount = 32

    init(storage: SecureBytes, offset: Int = 0) {
        self.storage = storage
        self.offset = offset
    }

    var pointer: UnsafePointer<UInt8> {
        UnsafePointer((storage.pointer + offset).assumingMemoryBound(to: UInt8.self))
    }

    static func random() throws(CryptoError) -> KeyMaterial {
        KeyMaterial(storage: try .random(count: byteCount))
    }

    static func copying(_ bytes: [UInt8]) throws(CryptoError) -> KeyMaterial {
        guard bytes.count == byteCount else { throw .invalidKeyLength(expected: byteCount, actual: bytes.count) }
        let storage = try SecureBytes(count: byteCount)
        bytes.withUnsafeBytes { storage.pointer.copyMemory(from: $0.baseAddress!, byteCount: byteCount) }
        return KeyMaterial(storage: storage)
    }

    func constantTimeEquals(_ other: KeyMaterial) -> Bool {
        sodium_memcmp(pointer, other.pointer, Self.byteCount) == 0
    }

    /// Whether the key's bytes equal the 32 bytes at `copy`, in time independent of the bytes:
    /// four word compares folded together (`sodium_memcmp` goes byte by byte, ten times slower,
    /// too slow for a check made once per value opened).
    func equals(copyAt copy: UnsafeRawPointer) -> Bool { Self.equal(pointer, copy) }

    /// Whether the keys at `lhs` and `rhs` (32 bytes each) are equal, in constant time.
    static func equal(_ lhs: UnsafeRawPointer, _ rhs: UnsafeRawPointer) -> Bool {
        var difference: UInt64 = 0
        for offset in stride(from: 0, to: byteCount, by: 8) {
            difference |=
                lhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                ^ rhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        }
        return difference == 0
    }
}

/// A symmetric key of Tresor: typed, printed redacted, compared in constant time.
public protocol SymmetricKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The key's protected bytes (opaque outside `VaultCrypto`).
    var material: KeyMaterial { get }
    /// Wraps existing protected bytes (used by `KeySlab` and key unwrapping).
    init(material: KeyMaterial)
    /// The type name used in the redacted description.
    static var kindName: String { get }
}

extension SymmetricKey {
    /// Generates a fresh random key in protected memory.
    public static func generate() throws(CryptoError) -> Self { Self(material: try .random()) }

    /// Imports raw key bytes (for key files and test vectors); the array is not wiped by this call.
    public init(bytes: [UInt8]) throws(CryptoError) { self.init(material: try .copying(bytes)) }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.material.constantTimeEquals(rhs.material) }
    public var description: String { "\(Self.kindName)(<redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// The vault's root key: wraps every other key. Comes from the key file or a passphrase.
public struct MasterKey: SymmetricKey {
    public let material: KeyMaterial
    public init(material: KeyMaterial) { self.material = material }
    public static let kindName = "MasterKey"

    /// Exports the raw bytes; used only to write the key file. Handle with care.
    public func exportBytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: material.pointer, count: KeyMaterial.byteCount))
    }
}

/// A per-subject data key: encrypts that subject's fields and events. Destroyed on erasure.
public struct DataKey: SymmetricKey {
    public let material: KeyMaterial
    public init(material: KeyMaterial) { self.material = material }
    public static let kindName = "DataKey"

    /// An uncounted handle on this key's bytes for loops that open many values (`UnownedKey`).
    public var unowned: UnownedKey { UnownedKey(pointer: material.pointer) }
}

/// A borrowed handle on a data key's protected bytes, without reference counting: copying one
/// costs nothing, where copying a `DataKey` retains its storage — an atomic operation per value
/// opened on hot read paths. Valid only while the `DataKey` it came from is alive (the holder
/// keeps that key); the bytes stay opaque outside `VaultCrypto`.
public struct UnownedKey {
    let pointer: UnsafePointer<UInt8>
}

/// The key of the keyed BLAKE2b blind indexes used for equality lookups.
public struct IndexKey: SymmetricKey {
    public let material: KeyMaterial
    public init(material: KeyMaterial) { self.material = material }
    public static let kindName = "IndexKey"
}
