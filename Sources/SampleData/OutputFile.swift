import Foundation

/// A file created (or truncated) for writing through a chunked byte buffer.
struct OutputFile {
    let url: URL
    let handle: FileHandle
    var buffer: ByteBuffer

    init(_ url: URL) throws(SampleDataError) {
        self.url = url
        let name = url.lastPathComponent
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: url.path)
        else { throw SampleDataError.cannotWrite(file: name, reason: "cannot create the file") }
        self.handle = handle
        buffer = ByteBuffer(handle: handle, fileName: name)
    }

    /// Flushes the buffer and closes the file.
    mutating func close() throws(SampleDataError) {
        try buffer.flush()
        do {
            try handle.close()
        } catch {
            throw SampleDataError.cannotWrite(file: url.lastPathComponent, reason: String(describing: error))
        }
    }
}
