import CSodium

/// BLAKE2b (libsodium's generic hash), unkeyed and keyed.
public enum BLAKE2b {
    /// Hashes `message` to `outputLength` bytes (16...64).
    public static func hash(_ message: [UInt8], outputLength: Int = 32) -> [UInt8] {
        message.withUnsafeBytes { hash($0, outputLength: outputLength) }
    }

    /// Hashes raw bytes to `outputLength` bytes (16...64).
    public static func hash(_ message: UnsafeRawBufferPointer, outputLength: Int = 32) -> [UInt8] {
        precondition((16...64).contains(outputLength), "BLAKE2b output must be 16...64 bytes")
        _ = try? Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: outputLength)
        _ = crypto_generichash(
            &out, outputLength, message.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(message.count), nil, 0)
        return out
    }

    /// Hashes raw bytes into `output` (16...64 bytes), without allocating.
    public static func hash(_ message: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        precondition((16...64).contains(output.count), "BLAKE2b output must be 16...64 bytes")
        _ = try? Sodium.ensureInitialized()
        _ = crypto_generichash(
            output.baseAddress!.assumingMemoryBound(to: UInt8.self), output.count,
            message.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(message.count), nil, 0)
    }

    /// Keyed BLAKE2b with raw key bytes (for known-answer tests; production uses typed keys).
    public static func hash(_ message: [UInt8], rawKey: [UInt8], outputLength: Int = 32) -> [UInt8] {
        _ = try? Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: outputLength)
        _ = crypto_generichash(&out, outputLength, message, UInt64(message.count), rawKey, rawKey.count)
        return out
    }

    /// Keyed BLAKE2b under a typed key.
    static func hash(_ message: UnsafeRawBufferPointer, key: KeyMaterial, outputLength: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: outputLength)
        _ = crypto_generichash(
            &out, outputLength, message.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(message.count),
            key.pointer, KeyMaterial.byteCount)
        return out
    }
}

/// An incremental BLAKE2b hash, for long canonical encodings.
public final class BLAKE2bHasher {
    // libsodium's state is a 64-byte aligned struct that Swift imports as opaque.
    private let state: UnsafeMutableRawPointer
    private let outputLength: Int

    /// Starts a hash of `outputLength` bytes (16...64).
    public init(outputLength: Int = 32) {
        _ = try? Sodium.ensureInitialized()
        self.outputLength = outputLength
        state = UnsafeMutableRawPointer.allocate(byteCount: crypto_generichash_statebytes(), alignment: 64)
        crypto_generichash_init(OpaquePointer(state), nil, 0, outputLength)
    }

    /// Absorbs bytes.
    public func update(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBufferPointer {
            crypto_generichash_update(OpaquePointer(state), $0.baseAddress, UInt64($0.count))
        }
    }

    /// Absorbs raw bytes read in place.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        _ = crypto_generichash_update(
            OpaquePointer(state), bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
    }

    /// Starts over: the hasher forgets what it absorbed (one hasher can serve many messages).
    public func reset() {
        crypto_generichash_init(OpaquePointer(state), nil, 0, outputLength)
    }

    /// Writes the digest into `output` (`outputLength` bytes); call `reset()` before reusing.
    public func finalize(into output: UnsafeMutableRawBufferPointer) {
        precondition(output.count >= outputLength, "BLAKE2bHasher: output buffer too small")
        crypto_generichash_final(
            OpaquePointer(state), output.baseAddress!.assumingMemoryBound(to: UInt8.self), outputLength)
    }

    /// Returns the digest; the hasher must not be used afterwards.
    public func finalize() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: outputLength)
        crypto_generichash_final(OpaquePointer(state), &out, outputLength)
        return out
    }

    deinit { state.deallocate() }
}
