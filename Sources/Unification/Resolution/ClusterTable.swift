/// Dense cluster numbers for union-find roots, with each cluster's name, surviving subject and ambiguity.
struct ClusterTable {
    private var ordinalOfRoot: [Int32]
    /// Per cluster: the smallest record index, `Int.max` when it holds no record.
    var name: [Int] = []
    /// Per cluster: the unit of the surviving subject, -1 when it holds no subject.
    var survivor: [Int] = []
    /// Per cluster: whether it was left unattached between several people.
    var ambiguous: [Bool] = []
    private var survivorAnchored: [Bool] = []
    private var survivorID: [Int] = []

    /// A table for roots numbered below `rootCount`.
    init(rootCount: Int) {
        ordinalOfRoot = Array(repeating: -1, count: rootCount)
    }

    /// The cluster of `root`, numbered on first sight.
    mutating func cluster(ofRoot root: Int, ambiguous isAmbiguous: Bool) -> Int {
        if ordinalOfRoot[root] >= 0 { return Int(ordinalOfRoot[root]) }
        ordinalOfRoot[root] = Int32(name.count)
        name.append(Int.max)
        survivor.append(-1)
        ambiguous.append(isAmbiguous)
        survivorAnchored.append(false)
        survivorID.append(0)
        return name.count - 1
    }

    /// Considers a subject as the survivor: one with an external id wins, then the smallest id.
    mutating func offer(subjectUnit unit: Int, id: Int, anchored: Bool, to cluster: Int) {
        let better =
            survivor[cluster] < 0 || (anchored && !survivorAnchored[cluster])
            || (anchored == survivorAnchored[cluster] && id < survivorID[cluster])
        guard better else { return }
        survivor[cluster] = unit
        survivorAnchored[cluster] = anchored
        survivorID[cluster] = id
    }
}
