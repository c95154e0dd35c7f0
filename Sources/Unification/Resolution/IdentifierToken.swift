/// An opaque 16-byte blind-index token of one normalised identifier value (e.g. keyed BLAKE2b).
///
/// The resolver only compares tokens for equality; it never sees the identifier value itself.
public struct IdentifierToken: Hashable, Sendable {
    /// The first 8 bytes, big-endian.
    public let high: UInt64
    /// The last 8 bytes, big-endian.
    public let low: UInt64

    /// Wraps the two halves of a token.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Wraps exactly 16 bytes (big-endian halves); nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (offset, byte) in bytes.enumerated() {
            if offset < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        self.init(high: high, low: low)
    }
}
