/// One rejected record: where it is and why, never what it contained.
struct RecordProblem: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based physical line where the record starts.
    let line: Int
    /// The column name or JSON path concerned, when known.
    let field: String?
    /// Why the record was rejected.
    let reason: RejectReason

    /// `line N, field F: message`.
    var description: String {
        if let field { return "line \(line), field \(field): \(reason.message)" }
        return "line \(line): \(reason.message)"
    }
}
