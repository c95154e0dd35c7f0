/// Memory that the values bound to a statement live in until it has run, so that SQLite reads
/// them in place (`SQLITE_STATIC`) instead of copying each into a buffer of its own: with
/// `SQLITE_TRANSIENT` every bound text or blob costs a `malloc`, a copy and a `free`, about a
/// tenth of a bulk insert.
///
/// Values are copied in one after another into fixed-size chunks, so nothing already copied
/// moves; a value larger than a chunk gets a block of its own. `reset()` makes every copy
/// invalid: call it only after the statement has run and its bindings were cleared
/// (`Statement.clearBindings()`). Holds ciphertexts, blind-index tokens, subject ids and field
/// and source names — never a plaintext personal value; the memory is zeroed when released.
/// Not thread-safe: one per writer.
public final class BindArena {
    /// Bytes per chunk.
    static let chunkSize = 1 << 16

    // Only `copy` and `reset` touch this state, never re-entrantly: no runtime exclusivity checks.
    @exclusivity(unchecked) private var chunks: [UnsafeMutableRawPointer] = []
    @exclusivity(unchecked) private var large: [UnsafeMutableRawBufferPointer] = []
    /// The chunk being filled, where its free part starts and how long it is.
    @exclusivity(unchecked) private var current = -1
    @exclusivity(unchecked) private var free: UnsafeMutableRawPointer?
    @exclusivity(unchecked) private var freeCount = 0

    /// An empty arena (chunks are allocated on first use).
    public init() {}

    deinit {
        release()
        for chunk in chunks {
            chunk.initializeMemory(as: UInt8.self, repeating: 0, count: Self.chunkSize)
            chunk.deallocate()
        }
    }

    /// A copy of `bytes` that stays valid until `reset()`; never a null pointer, even when empty.
    @inline(__always)
    public func copy(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let count = bytes.count
        guard count <= freeCount, let target = free else { return copyAfterRefill(bytes) }
        if count > 0 { target.copyMemory(from: bytes.baseAddress!, byteCount: count) }
        free = target + count
        freeCount -= count
        return UnsafeRawBufferPointer(start: target, count: count)
    }

    /// `copy` when the current chunk has no room: the next chunk, or a block of its own.
    private func copyAfterRefill(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        if bytes.count > Self.chunkSize {
            let block = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 8)
            block.copyMemory(from: bytes)
            large.append(block)
            return UnsafeRawBufferPointer(block)
        }
        current += 1
        if current == chunks.count { chunks.append(.allocate(byteCount: Self.chunkSize, alignment: 8)) }
        free = chunks[current]
        freeCount = Self.chunkSize
        return copy(bytes)
    }

    /// Forgets every copy (their memory is reused by the next ones).
    public func reset() {
        release()
        current = -1
        free = nil
        freeCount = 0
    }

    private func release() {
        for block in large {
            block.initializeMemory(as: UInt8.self, repeating: 0)
            block.deallocate()
        }
        large.removeAll()
    }
}

@available(*, unavailable)
extension BindArena: Sendable {}
