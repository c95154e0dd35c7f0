/// Existing subjects that the new records show to be one person.
public struct SubjectMerge: Hashable, Sendable {
    /// The subject that stays: one with an external id if any, else the smallest id.
    public let survivor: Int
    /// The subjects to fold into the survivor, in ascending order.
    public let absorbed: [Int]

    /// Creates a merge.
    public init(survivor: Int, absorbed: [Int]) {
        self.survivor = survivor
        self.absorbed = absorbed
    }
}
