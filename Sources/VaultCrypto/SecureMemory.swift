import CSodium

/// Wiping of transient secrets that live outside `SecureBytes`, such as a plaintext decrypted
/// into a stack buffer.
public enum SecureMemory {
    /// Overwrites `buffer` with zeros in a way the compiler cannot drop (`sodium_memzero`).
    public static func wipe(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        sodium_memzero(base, buffer.count)
    }
}
