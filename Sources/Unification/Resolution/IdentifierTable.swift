/// Interns identifier keys as dense node numbers 0, 1, 2, … with an open-addressing table.
///
/// Keys live once, in node order (17 bytes each); the table itself holds only 4-byte node numbers, so a
/// few million identifiers cost well under 100 MB.
struct IdentifierTable: Sendable {
    /// The kind of every node.
    private(set) var kinds: [IdentifierKey.Kind] = []
    private var highs: [UInt64] = []
    private var lows: [UInt64] = []
    /// Node number + 1 per slot; 0 marks an empty slot.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)

    /// The number of distinct keys.
    var count: Int { kinds.count }

    /// The node of `token` as a `kind`, added if new.
    mutating func intern(_ kind: IdentifierKey.Kind, _ token: IdentifierToken) -> Int32 {
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let mask = slots.count - 1
        var slot = Self.hash(kind, token.high, token.low) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            let node = Int(stored - 1)
            if highs[node] == token.high && lows[node] == token.low && kinds[node] == kind { return stored - 1 }
            slot = (slot + 1) & mask
        }
        precondition(count < Int(Int32.max), "too many identifiers for one resolution")
        let node = Int32(count)
        kinds.append(kind)
        highs.append(token.high)
        lows.append(token.low)
        slots[slot] = node + 1
        return node
    }

    private mutating func grow() {
        var grown = [Int32](repeating: 0, count: slots.count * 2)
        let mask = grown.count - 1
        for node in 0..<count {
            var slot = Self.hash(kinds[node], highs[node], lows[node]) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = Int32(node + 1)
        }
        slots = grown
    }

    /// A well-mixed slot hash (the splitmix64 finaliser), so weak test tokens spread as well as real ones.
    private static func hash(_ kind: IdentifierKey.Kind, _ high: UInt64, _ low: UInt64) -> Int {
        var x = high &+ (low &* 0x9E37_79B9_7F4A_7C15) &+ UInt64(kind.ordinal)
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        x ^= x >> 31
        return Int(truncatingIfNeeded: x & 0x7FFF_FFFF_FFFF_FFFF)
    }
}

extension IdentifierKey.Kind {
    /// A small number per kind for hashing.
    var ordinal: UInt8 {
        switch self {
        case .externalID: 0
        case .email: 1
        case .phone: 2
        case .anonymousID: 3
        }
    }
}
