/// A destination for text output, injectable so tests can capture what a command prints.
public protocol OutputSink: Sendable {
    /// Writes the text as is, without adding a newline.
    func write(_ text: String)
}

extension OutputSink {
    /// Writes the text followed by a newline.
    public func writeLine(_ text: String) {
        write(text + "\n")
    }
}
