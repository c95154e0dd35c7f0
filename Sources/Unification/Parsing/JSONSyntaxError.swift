/// A JSON syntax error inside `JSONCursor`: the detail names a byte position, never content.
/// Internal to parsing; it becomes a `RejectReason.invalidJSON`.
struct JSONSyntaxError: Error, Sendable, Equatable {
    /// What is wrong and where (1-based byte column).
    let detail: String
}
