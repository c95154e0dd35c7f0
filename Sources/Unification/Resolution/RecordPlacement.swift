/// Where a new record belongs after resolution.
public enum RecordPlacement: Hashable, Sendable {
    /// Attach the record to this existing subject.
    case existing(subject: Int)
    /// Create a new subject for this cluster of new records, named by the smallest record index in it.
    case new(cluster: Int)
}
