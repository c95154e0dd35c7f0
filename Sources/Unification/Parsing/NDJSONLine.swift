/// One line of an NDJSON file, without its line break (and without a byte-order mark on line 1).
/// Shares its storage with the reader (copy-on-write), like `CSVRecord`.
struct NDJSONLine: Sendable, CustomStringConvertible, CustomReflectable {
    /// The 1-based physical line number.
    let number: Int
    /// The line's bytes.
    let bytes: [UInt8]

    /// Number and length only: a line's content is personal data and never printed.
    var description: String { "NDJSONLine(number: \(number), bytes: \(bytes.count))" }

    /// Number and length only, so that `dump` shows no value either.
    var customMirror: Mirror { Mirror(self, children: ["number": number, "length": bytes.count]) }
}
