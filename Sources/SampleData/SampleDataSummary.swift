/// What a call to `SampleDataGenerator.write` produced.
public struct SampleDataSummary: Sendable, Hashable {
    /// Distinct persons.
    public let people: Int
    /// Customer records (rows of `customers.csv` after the header, equal to rows of `truth.csv`).
    public let customers: Int
    /// Well-formed messages in `events.ndjson`.
    public let events: Int
    /// Deliberately broken lines in `events.ndjson` (dirt level 2 only); lines = `events + malformedEventLines`.
    public let malformedEventLines: Int
    /// Lines of `consents.ndjson`.
    public let consents: Int
    /// Rows of `products.csv` after the header.
    public let products: Int
    /// Where each file is.
    public let files: SampleDataFiles
}
