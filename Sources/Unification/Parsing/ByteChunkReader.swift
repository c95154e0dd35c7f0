import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file (or, for tests, an in-memory byte array) in fixed-size chunks into one reusable
/// buffer, so that memory stays constant whatever the file size. The reading position lives in the
/// caller's `ChunkWindow` (a value, so that hot loops make no exclusivity checks on class state).
final class ByteChunkReader {
    /// The default chunk size: 1 MiB.
    static let defaultChunkSize = 1 << 20

    /// The file's last path component, for messages.
    let fileName: String
    /// The open file (nil when reading from memory). Read with `read(2)` straight into `storage`:
    /// `FileHandle` would return each chunk as a new `Data` to copy from.
    private let descriptor: Int32?
    private let memory: [UInt8]
    private let storage: UnsafeMutableBufferPointer<UInt8>

    /// Opens `url` for chunked reading.
    init(url: URL, chunkSize: Int = ByteChunkReader.defaultChunkSize) throws(UnificationError) {
        fileName = url.lastPathComponent
        let opened = open(url.path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else {
            throw UnificationError(.cannotRead, fileName: url.lastPathComponent, "cannot open the file")
        }
        descriptor = opened
        memory = []
        storage = .allocate(capacity: max(chunkSize, 4))
    }

    /// Reads `bytes` as if they were a file named `name`, `chunkSize` bytes at a time.
    init(bytes: [UInt8], name: String, chunkSize: Int = ByteChunkReader.defaultChunkSize) {
        fileName = name
        descriptor = nil
        memory = bytes
        storage = .allocate(capacity: max(chunkSize, 4))
    }

    deinit {
        if let descriptor { close(descriptor) }
        storage.deallocate()
    }

    /// The valid bytes of the chunk `window` describes.
    func chunk(_ window: ChunkWindow) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: storage[0..<window.count])
    }

    /// Replaces the buffer with the next chunk and resets `window.position`; false at the end of the file.
    func readNextChunk(_ window: inout ChunkWindow) throws(UnificationError) -> Bool {
        window.baseOffset += window.count
        window.position = 0
        window.count = 0
        if let descriptor {
            // Fill the buffer (a pipe or a signal may return less than asked) or reach the end.
            var filled = 0
            while filled < storage.count {
                let got = read(descriptor, storage.baseAddress! + filled, storage.count - filled)
                if got == 0 { break }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw UnificationError(
                        .cannotRead, fileName: fileName, "read failed at byte \(window.baseOffset + filled)")
                }
                filled += got
            }
            window.count = filled
        } else {
            let start = min(window.baseOffset, memory.count)
            let end = min(start + storage.count, memory.count)
            for index in start..<end { storage[index - start] = memory[index] }
            window.count = end - start
        }
        return window.count > 0
    }

    /// Moves to the absolute file offset `offset`: within the current chunk when it holds it,
    /// otherwise by seeking, after which the next `readNextChunk` reads from `offset`.
    func seek(to offset: Int, _ window: inout ChunkWindow) throws(UnificationError) {
        if offset >= window.baseOffset && offset <= window.baseOffset + window.count {
            window.position = offset - window.baseOffset
            return
        }
        if let descriptor, lseek(descriptor, off_t(offset), SEEK_SET) < 0 {
            throw UnificationError(.cannotRead, fileName: fileName, "seek failed to byte \(offset)")
        }
        window = ChunkWindow(count: 0, baseOffset: offset, position: 0)
    }
}
