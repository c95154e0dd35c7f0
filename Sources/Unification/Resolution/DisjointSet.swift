/// Union-find over nodes (identifiers and units) that remembers, per set, one unit it holds (its witness),
/// so every union of two unit-bearing sets can be logged as a join of two units.
struct DisjointSet: Sendable {
    private var parent: [Int32]
    private var rank: [UInt8]
    /// The witness unit of each root; -1 when the set holds no unit.
    private var witness: [Int32]

    /// `count` singleton sets; node `firstUnitNode + u` holds unit `u`.
    init(count: Int, firstUnitNode: Int) {
        parent = (0..<count).map { Int32($0) }
        rank = Array(repeating: 0, count: count)
        witness = Array(repeating: -1, count: count)
        for node in firstUnitNode..<count { witness[node] = Int32(node - firstUnitNode) }
    }

    /// The root of the set holding `node`.
    mutating func find(_ node: Int) -> Int {
        var node = node
        while true {
            let up = Int(parent[node])
            if up == node { return node }
            let grand = Int(parent[up])
            parent[node] = Int32(grand)
            node = grand
        }
    }

    /// Joins the sets of `a` and `b`; returns the witnesses of both sets when both held a unit (a join worth
    /// logging), nil when they were already one set or one side held no unit.
    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> (first: Int, second: Int)? {
        var ra = find(a)
        var rb = find(b)
        if ra == rb { return nil }
        let wa = Int(witness[ra])
        let wb = Int(witness[rb])
        if rank[ra] < rank[rb] { swap(&ra, &rb) }
        parent[rb] = Int32(ra)
        if rank[ra] == rank[rb] { rank[ra] += 1 }
        if wa < 0 || wb < 0 {
            witness[ra] = Int32(max(wa, wb))
            return nil
        }
        witness[ra] = Int32(wa)
        return (wa, wb)
    }
}
