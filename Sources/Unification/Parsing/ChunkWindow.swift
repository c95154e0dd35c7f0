/// Which part of a file the buffer of a `ByteChunkReader` holds, and where its consumer stands.
struct ChunkWindow: Sendable, Equatable {
    /// Number of valid bytes in the buffer.
    var count = 0
    /// Absolute file offset of the first byte of the buffer.
    var baseOffset = 0
    /// Where the consumer stands in the buffer.
    var position = 0

    /// True when the consumer has used every byte of the buffer.
    var isExhausted: Bool { position >= count }
}
