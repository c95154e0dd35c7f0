/// The subjects a bulk scan may return, in id order, each with the fields the policy allows it.
/// Built in id order by the scan's decision pass and read back in id order by the scan itself, so
/// a lookup is a step of a merge, not a hash. Holds random ids and field names only.
struct AllowedSubjects {
    /// The allowed subjects, in increasing order.
    private(set) var ids: [SubjectID] = []
    /// For each subject, its index in `fieldSets`.
    private var sets: [Int32] = []
    /// The distinct sets of allowed fields (few: one per distinct decision).
    private var fieldSets: [Set<String>] = []
    /// Where the last lookup stopped.
    private var cursor = 0

    var count: Int { ids.count }
    var isEmpty: Bool { ids.isEmpty }

    /// Adds `id`, greater than every id added before, allowed the fields of set `index`.
    mutating func append(_ id: SubjectID, fieldSet index: Int) {
        precondition(ids.last.map { $0 < id } ?? true, "AllowedSubjects: ids must be added in increasing order")
        ids.append(id)
        sets.append(Int32(index))
    }

    /// Registers a set of allowed fields and returns its index.
    mutating func addFieldSet(_ fields: Set<String>) -> Int {
        fieldSets.append(fields)
        return fieldSets.count - 1
    }

    /// The allowed fields of `id`, or nil when it is not allowed. Asked in increasing id order the
    /// lookups cost one merge step each; an id asked out of order is found by binary search.
    mutating func fields(of id: SubjectID) -> Set<String>? {
        if cursor > 0, id <= ids[cursor - 1] { cursor = lowerBound(of: id) }
        while cursor < ids.count, ids[cursor] < id { cursor += 1 }
        guard cursor < ids.count, ids[cursor] == id else { return nil }
        return fieldSets[Int(sets[cursor])]
    }

    /// The position of the first id not less than `id`.
    private func lowerBound(of id: SubjectID) -> Int {
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
