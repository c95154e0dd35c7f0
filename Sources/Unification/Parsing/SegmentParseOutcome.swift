/// One result of decoding an NDJSON line: a message, or the problem that got one rejected.
enum SegmentParseOutcome: Sendable, Equatable {
    /// A valid message.
    case message(SegmentMessage)
    /// A rejected line or batch element.
    case problem(RecordProblem)
}
