import Foundation

/// Keeps everything written to it in memory, for tests.
public final class CapturingOutputSink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""

    /// Creates an empty sink.
    public init() {}

    /// Everything written so far.
    public var text: String {
        lock.withLock { buffer }
    }

    /// Appends the text.
    public func write(_ text: String) {
        lock.withLock { buffer += text }
    }
}
