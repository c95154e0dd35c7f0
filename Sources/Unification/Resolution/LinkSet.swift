/// A set of undirected links between identifier nodes, stored as packed pairs in an open-addressing table
/// (8 bytes a slot), so that millions of repeated event links cost only their distinct pairs.
struct LinkSet: Sendable {
    /// Packed pair per slot: (smaller node + 1) << 32 | (larger node + 1); 0 marks an empty slot.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    /// The number of distinct links.
    private(set) var count = 0

    /// Adds the link between two different nodes.
    mutating func insert(_ a: Int32, _ b: Int32) {
        let packed = UInt64(UInt32(min(a, b)) + 1) << 32 | UInt64(UInt32(max(a, b)) + 1)
        if (count + 1) * 10 > slots.count * 7 { grow() }
        if Self.place(packed, in: &slots) { count += 1 }
    }

    /// Calls `body` with every link once.
    func forEachLink(_ body: (Int32, Int32) -> Void) {
        for packed in slots where packed != 0 {
            body(Int32(packed >> 32) - 1, Int32(packed & 0xFFFF_FFFF) - 1)
        }
    }

    private mutating func grow() {
        var grown = [UInt64](repeating: 0, count: slots.count * 2)
        for packed in slots where packed != 0 { _ = Self.place(packed, in: &grown) }
        slots = grown
    }

    /// Stores `packed` unless present; true if it was added.
    private static func place(_ packed: UInt64, in slots: inout [UInt64]) -> Bool {
        let mask = slots.count - 1
        var x = packed &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        var slot = Int(truncatingIfNeeded: x) & mask
        while true {
            let stored = slots[slot]
            if stored == packed { return false }
            if stored == 0 {
                slots[slot] = packed
                return true
            }
            slot = (slot + 1) & mask
        }
    }
}
