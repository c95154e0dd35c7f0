public import Foundation

/// Where the generator puts each file inside an output directory.
public struct SampleDataFiles: Sendable, Hashable {
    /// The output directory.
    public let directory: URL
    /// `customers.csv`: one row per source record.
    public let customers: URL
    /// `truth.csv`: `source, source_record_id, person_id`.
    public let truth: URL
    /// `events.ndjson`: Segment Tracking spec messages.
    public let events: URL
    /// `consents.ndjson`: consent grants and withdrawals.
    public let consents: URL
    /// `products.csv`: `product_id, category, name, price`.
    public let products: URL
    /// `manifest.json`: arguments, counts, reference time and file sizes.
    public let manifest: URL

    /// The file locations inside `directory`.
    public init(directory: URL) {
        self.directory = directory
        customers = directory.appendingPathComponent("customers.csv")
        truth = directory.appendingPathComponent("truth.csv")
        events = directory.appendingPathComponent("events.ndjson")
        consents = directory.appendingPathComponent("consents.ndjson")
        products = directory.appendingPathComponent("products.csv")
        manifest = directory.appendingPathComponent("manifest.json")
    }
}
