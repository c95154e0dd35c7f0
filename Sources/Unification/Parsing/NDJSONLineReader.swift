import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams the lines of an NDJSON file in constant memory: LF or CRLF line ends, a byte-order
/// mark on the first line, a last line without a line break. Empty and blank (spaces and tabs
/// only) lines are skipped. A line longer than `maxLineLength` bytes is reported as `lineTooLong`
/// and skipped up to the next line feed; its bytes are never kept beyond the limit.
final class NDJSONLineReader {
    /// The default line length limit: 1 MiB.
    static let defaultMaxLineLength = 1 << 20

    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// The longest line accepted, in bytes (without its line break).
    let maxLineLength: Int
    /// The file's last path component, for messages.
    var fileName: String { source.fileName }

    private let source: ByteChunkReader
    // Only `next()` touches this state, and never while another access to it is open: the
    // runtime's exclusivity checks (three per line, a few percent of an event import) are off.
    @exclusivity(unchecked) private var window = ChunkWindow()
    @exclusivity(unchecked) private var storage: [UInt8] = []
    @exclusivity(unchecked) private var nextLineNumber = 1

    /// Opens the NDJSON file at `url`.
    convenience init(
        url: URL, maxLineLength: Int = NDJSONLineReader.defaultMaxLineLength,
        chunkSize: Int = ByteChunkReader.defaultChunkSize
    ) throws(UnificationError) {
        try self.init(source: ByteChunkReader(url: url, chunkSize: chunkSize), maxLineLength: maxLineLength)
    }

    /// Reads NDJSON from `bytes` as if they were a file named `name` (tests).
    convenience init(
        bytes: [UInt8], name: String = "memory.ndjson", maxLineLength: Int = NDJSONLineReader.defaultMaxLineLength,
        chunkSize: Int = ByteChunkReader.defaultChunkSize
    ) throws(UnificationError) {
        try self.init(
            source: ByteChunkReader(bytes: bytes, name: name, chunkSize: chunkSize), maxLineLength: maxLineLength)
    }

    private init(source: ByteChunkReader, maxLineLength: Int) throws(UnificationError) {
        self.source = source
        self.maxLineLength = maxLineLength
        if try source.readNextChunk(&window) { window.position = ByteOrderMark.length(in: source.chunk(window)) }
    }

    /// The next non-blank line or rejected line; nil at the end of the file.
    func next() throws(UnificationError) -> NDJSONLineOutcome? {
        while true {
            // Keep the buffer between lines, but not the size of an exceptionally long one.
            if storage.capacity > 1 << 16 { storage = [] }
            storage.removeAll(keepingCapacity: true)
            var length = 0
            var terminated = false
            while !terminated {
                if window.isExhausted {
                    guard try source.readNextChunk(&window) else { break }
                }
                terminated = appendUntilLineFeed(length: &length)
            }
            if !terminated && length == 0 { return nil }
            let number = nextLineNumber
            nextLineNumber += 1
            if length <= maxLineLength + 1, storage.last == Self.carriageReturn {
                storage.removeLast()
                length -= 1
            }
            if length > maxLineLength {
                return .problem(RecordProblem(line: number, field: nil, reason: .lineTooLong(limit: maxLineLength)))
            }
            if Self.isBlank(storage) { continue }
            return .line(NDJSONLine(number: number, bytes: storage))
        }
    }

    /// Appends the current chunk's bytes up to the next line feed (keeping at most one byte more
    /// than the limit); true when the line feed was found.
    private func appendUntilLineFeed(length: inout Int) -> Bool {
        let chunk = source.chunk(window)
        let start = window.position
        let end = chunk.count
        var index = end
        if start < end, let base = chunk.baseAddress,
            let found = memchr(base + start, Int32(Self.lineFeed), end - start)
        {
            index = start + UnsafeRawPointer(base + start).distance(to: UnsafeRawPointer(found))
        }
        let room = maxLineLength + 1 - length
        if room > 0 {
            storage.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<min(index, start + room)]))
        }
        length += index - start
        guard index < end else {
            window.position = end
            return false
        }
        window.position = index + 1
        return true
    }

    private static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
