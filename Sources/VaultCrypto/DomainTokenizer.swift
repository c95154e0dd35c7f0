import CSodium

/// Blind-index tokens of one domain, for loops that compute many (every event's message id in a
/// batch): the keyed BLAKE2b state after the key and `domain ‖ 0` is computed once and copied per
/// token, and each token is written into the caller's buffer. Tokens equal
/// `BlindIndexer.token(domain:value:)` byte for byte.
///
/// The states hold the index key (BLAKE2b buffers the key block), so they live in `SecureBytes`.
public final class DomainTokenizer {
    private let memory: SecureBytes
    private let stateSize: Int
    /// The first state's address in `memory`, 64-byte aligned.
    private let base: UnsafeMutableRawPointer

    /// Prepares `domain`'s tokens under `indexer`'s key.
    public init(_ indexer: BlindIndexer, domain: String) throws(CryptoError) {
        try Sodium.ensureInitialized()
        // Two states, each 64-byte aligned as libsodium requires: 64 spare bytes let the first
        // start at the next multiple of 64 wherever `sodium_malloc` placed the block.
        stateSize = (crypto_generichash_statebytes() + 63) & ~63
        memory = try SecureBytes(count: 2 * stateSize + 64)
        let address = Int(bitPattern: memory.pointer)
        base = memory.pointer + ((64 - address % 64) % 64)
        _ = crypto_generichash_init(
            OpaquePointer(prepared), indexer.key.material.pointer, KeyMaterial.byteCount, BlindIndexer.tokenSize)
        var prefix = Array(domain.utf8)
        prefix.append(0)
        _ = crypto_generichash_update(OpaquePointer(prepared), prefix, UInt64(prefix.count))
    }

    private var prepared: UnsafeMutableRawPointer { base }
    private var working: UnsafeMutableRawPointer { base + stateSize }

    /// Writes the token of `value` into `output`, which holds exactly `BlindIndexer.tokenSize` bytes.
    public func token(_ value: String, into output: UnsafeMutableRawBufferPointer) {
        precondition(output.count == BlindIndexer.tokenSize, "a token is \(BlindIndexer.tokenSize) bytes")
        var value = value
        value.withUTF8 { token(utf8: UnsafeRawBufferPointer($0), into: output) }
    }

    /// `token(_:into:)` for a value given as its UTF-8 bytes (the same token as for the `String`).
    public func token(utf8 value: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        precondition(output.count == BlindIndexer.tokenSize, "a token is \(BlindIndexer.tokenSize) bytes")
        working.copyMemory(from: prepared, byteCount: stateSize)
        _ = crypto_generichash_update(
            OpaquePointer(working), value.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(value.count))
        _ = crypto_generichash_final(
            OpaquePointer(working), output.baseAddress!.assumingMemoryBound(to: UInt8.self), output.count)
    }

    /// The token of `value` as an array.
    public func token(_ value: String) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: BlindIndexer.tokenSize) { buffer, initialized in
            token(value, into: UnsafeMutableRawBufferPointer(buffer))
            initialized = BlindIndexer.tokenSize
        }
    }
}

@available(*, unavailable)
extension DomainTokenizer: Sendable {}
