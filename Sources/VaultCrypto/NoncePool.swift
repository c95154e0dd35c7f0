import CSodium
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Random bytes for nonces, drawn from libsodium's generator 4 KiB at a time.
///
/// `randombytes_buf` makes one `getrandom` system call per call; an import seals hundreds of
/// thousands of values per second, so nonces come from a buffer refilled in bulk. The bytes are
/// the same CSPRNG output, each handed out once. A child process made by `fork` must not hand out
/// the bytes its parent will hand out too: a fork handler marks the buffer spent in the child.
final class NoncePool: Sendable {
    private struct State {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var offset = 4096
        /// The fork generation the buffer was filled in.
        var generation = 0
    }

    private let state = Mutex(State())

    /// Raised in a child process right after `fork`; a pool whose buffer was filled in an
    /// earlier generation refills it before handing out a byte.
    let generation: ForkGeneration

    /// A pool that refills when `generation` changes (the process's fork counter by default).
    init(generation: ForkGeneration = .process) { self.generation = generation }

    /// Bytes left in the buffer before the next refill (for tests).
    var bytesLeft: Int { state.withLock { $0.buffer.count - $0.offset } }

    static let shared = NoncePool()

    /// Writes `count` (≤ 64) fresh random bytes to `destination`.
    func fill(_ destination: UnsafeMutablePointer<UInt8>, count: Int) {
        state.withLock { state in
            let generation = self.generation.current
            if state.offset + count > state.buffer.count || state.generation != generation {
                state.buffer.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, $0.count) }
                state.offset = 0
                state.generation = generation
            }
            state.buffer.withUnsafeBytes { source in
                destination.update(
                    from: source.baseAddress!.assumingMemoryBound(to: UInt8.self) + state.offset, count: count)
            }
            // Never hand the same bytes out twice.
            state.buffer.withUnsafeMutableBytes { sodium_memzero($0.baseAddress! + state.offset, count) }
            state.offset += count
        }
    }
}
