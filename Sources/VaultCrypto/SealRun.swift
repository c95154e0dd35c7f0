import CSodium
import Synchronization

/// Nonces and subkeys for sealing many values in format v1 (XChaCha20-Poly1305) one after
/// another. The values sealed in a row under one key form a run: their nonces share a random
/// 16-byte prefix, drawn when the run starts, and end in an 8-byte counter (0, 1, 2… big-endian),
/// so HChaCha20 derives the run's subkey once instead of once per value, and a reader meeting the
/// prefix again (`SubkeyCache`) skips it too.
///
/// Nonce uniqueness under one key: within a run the counters differ; two runs share a prefix with
/// probability at most n²/2¹²⁹ for n runs, as random 128-bit values. A run ends when the key
/// changes, after `maxValuesPerRun` values, or in a child process after `fork` (which would
/// otherwise continue its parent's counter). The output is plain XChaCha20-Poly1305: any reader
/// opens it with its nonce as written.
///
/// Holds a copy of the current key and the run's subkey in `sodium_malloc` memory. Not
/// thread-safe: one per writer.
public final class SealRun {
    /// Values sealed in one run before a new prefix is drawn.
    public static let maxValuesPerRun: UInt64 = 1 << 32

    /// The current key (32 bytes) ‖ the run's subkey (32 bytes) ‖ the run's prefix (16 bytes).
    private let secrets: SecureBytes
    private var counter: UInt64 = 0
    private var active = false
    private var generation = 0
    /// The fork counter a run is checked against (the process's, or a test's own).
    private let forks: ForkGeneration
    /// Runs started so far (for tests).
    public private(set) var runsStarted = 0

    /// Allocates the run's protected memory.
    public convenience init() throws(CryptoError) { try self.init(forks: .process) }

    init(forks: ForkGeneration) throws(CryptoError) {
        self.forks = forks
        secrets = try SecureBytes(count: 2 * KeyMaterial.byteCount + XChaChaSubkey.prefixSize)
    }

    private var keyCopy: UnsafeMutablePointer<UInt8> { secrets.pointer.assumingMemoryBound(to: UInt8.self) }
    private var subkey: UnsafeMutablePointer<UInt8> { keyCopy + KeyMaterial.byteCount }
    private var prefix: UnsafeMutablePointer<UInt8> { keyCopy + 2 * KeyMaterial.byteCount }

    /// Writes the next 24-byte nonce under `key` to `nonce` and returns the subkey it selects,
    /// valid until the next call.
    func next(for key: KeyMaterial, nonce: UnsafeMutablePointer<UInt8>) -> UnsafePointer<UInt8> {
        let currentGeneration = forks.current
        if !active || counter >= Self.maxValuesPerRun || generation != currentGeneration
            || !key.equals(copyAt: keyCopy)
        {
            keyCopy.update(from: key.pointer, count: KeyMaterial.byteCount)
            NoncePool.shared.fill(prefix, count: XChaChaSubkey.prefixSize)
            XChaChaSubkey.derive(subkey, key: keyCopy, prefix: prefix)
            counter = 0
            active = true
            generation = currentGeneration
            runsStarted += 1
        }
        nonce.update(from: prefix, count: XChaChaSubkey.prefixSize)
        var position = counter
        for index in (0..<8).reversed() {
            nonce[XChaChaSubkey.prefixSize + index] = UInt8(truncatingIfNeeded: position)
            position >>= 8
        }
        counter += 1
        return UnsafePointer(subkey)
    }
}

@available(*, unavailable)
extension SealRun: Sendable {}
