import CSodium
import Synchronization

/// Random bytes for nonces, drawn from libsodium's generator 4 KiB at a time.
///
/// `randombytes_buf` makes one `getrandom` system call per call; an import seals hundreds of
/// thousands of values per second, so nonces come from a buffer refilled in bulk. The bytes are
/// the same CSPRNG output, each handed out once.
final class NoncePool: Sendable {
    private struct State {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var offset = 4096
    }

    private let state = Mutex(State())

    static let shared = NoncePool()

    /// Writes `count` (≤ 64) fresh random bytes to `destination`.
    func fill(_ destination: UnsafeMutablePointer<UInt8>, count: Int) {
        state.withLock { state in
            if state.offset + count > state.buffer.count {
                state.buffer.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, $0.count) }
                state.offset = 0
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
