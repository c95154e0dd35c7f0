import Foundation

/// Writes to the process's standard output or standard error.
public struct StandardStreamSink: OutputSink {
    private let isError: Bool

    /// The process's standard output.
    public static let standardOutput = StandardStreamSink(isError: false)
    /// The process's standard error.
    public static let standardError = StandardStreamSink(isError: true)

    /// Writes the text's UTF-8 bytes to the stream.
    public func write(_ text: String) {
        let handle = isError ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(text.utf8))
    }
}
