/// The outcome of resolving new records, optionally against existing subjects.
public struct Resolution: Hashable, Sendable {
    /// The cluster of every new record, in the order the records were added; a cluster is named by the
    /// smallest record index it holds, so the names do not depend on input order.
    public let clusters: [Int]
    /// Where every new record goes, in the order the records were added.
    public let placements: [RecordPlacement]
    /// Existing subjects to merge, ordered by survivor.
    public let merges: [SubjectMerge]
    /// Every union performed, in the order performed.
    public let log: [MergeLogEntry]
    /// Clusters (by name) of records without an external id that were left on their own because their
    /// identifiers point at two or more different external ids; ascending.
    public let ambiguousClusters: [Int]

    /// Creates a resolution.
    public init(
        clusters: [Int], placements: [RecordPlacement], merges: [SubjectMerge], log: [MergeLogEntry],
        ambiguousClusters: [Int]
    ) {
        self.clusters = clusters
        self.placements = placements
        self.merges = merges
        self.log = log
        self.ambiguousClusters = ambiguousClusters
    }
}
