/// A failure of the benchmark itself (not a missed target). Messages name files and counts, never values.
struct BenchError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    init(_ description: String) { self.description = description }
}
