/// What `NDJSONLineReader.next()` yields: a line, or the problem that got one rejected.
enum NDJSONLineOutcome: Sendable {
    /// A line to decode.
    case line(NDJSONLine)
    /// A rejected line (too long); reading continues at the next line.
    case problem(RecordProblem)
}
