/// Something the resolver places in a cluster: a new record or an existing subject.
public enum ResolutionUnit: Hashable, Sendable {
    /// A new record, by its `ResolutionRecord.index`.
    case record(Int)
    /// An existing subject, by its `ExistingSubject.id`.
    case subject(Int)
}
