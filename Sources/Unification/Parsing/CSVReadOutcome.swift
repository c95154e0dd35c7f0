/// What `CSVReader.next()` yields: a record, or the problem that got one rejected.
enum CSVReadOutcome: Sendable {
    /// A well-formed record with as many fields as the header.
    case record(CSVRecord)
    /// A rejected record; reading continues after it.
    case problem(RecordProblem)
}
