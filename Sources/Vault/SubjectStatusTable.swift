import Policy

/// A read-only map from subject id to consent status for millions of ids: an open-addressing hash
/// table (power-of-two capacity, linear probing, at most two thirds full) of flat slots holding
/// the id's two halves and a status code, so that a lookup is one or two cache lines and no
/// SipHash, and building it allocates once. The last 8 bytes of an id are random (the first 6
/// are its creation time, decision 30), so the slot comes from them, mixed by one multiplication
/// so that ids that are not random (tests, a damaged row) still spread. Holds ids and statuses
/// only (invariant 9).
struct SubjectStatusTable: Sendable {
    /// One slot: the id's halves and the status code (`0` marks an empty slot).
    struct Slot: Sendable {
        var high: UInt64
        var low: UInt64
        var code: UInt8
    }

    private let slots: [Slot]
    private let shift: UInt64
    /// How many ids it holds.
    let count: Int
    /// How many ids hold each status, by status code.
    private let tallies: [Int]

    /// Builds the table from `ids` and `statuses` (the same length); a later duplicate id wins.
    init(ids: [SubjectID], statuses: [ConsentStatus]) {
        precondition(ids.count == statuses.count, "one status per id")
        var capacity = 8
        while capacity * 2 < ids.count * 3 { capacity <<= 1 }
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        var slots = [Slot](repeating: Slot(high: 0, low: 0, code: 0), count: capacity)
        var tallies = [Int](repeating: 0, count: 6)
        var count = 0
        let mask = capacity - 1
        slots.withUnsafeMutableBufferPointer { table in
            for index in ids.indices {
                let id = ids[index]
                let code = Self.code(of: statuses[index])
                var slot = Self.home(id.low, shift: shift)
                while true {
                    let existing = table[slot]
                    if existing.code == 0 {
                        table[slot] = Slot(high: id.high, low: id.low, code: code)
                        count += 1
                        tallies[Int(code)] += 1
                        break
                    }
                    if existing.high == id.high, existing.low == id.low {
                        tallies[Int(existing.code)] -= 1
                        table[slot].code = code
                        tallies[Int(code)] += 1
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        self.slots = slots
        self.shift = shift
        self.count = count
        self.tallies = tallies
    }

    /// The status of `id`, or `absent` when the table does not hold it.
    func status(of id: SubjectID) -> ConsentStatus {
        slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var slot = Self.home(id.low, shift: shift)
            while true {
                let entry = table[slot]
                if entry.code == 0 { return .absent }
                if entry.high == id.high, entry.low == id.low { return Self.status(code: entry.code) }
                slot = (slot + 1) & mask
            }
        }
    }

    /// How many ids hold `status` (`absent` is never stored, so it counts none).
    func count(of status: ConsentStatus) -> Int { tallies[Int(Self.code(of: status))] }

    /// The slot an id starts probing at: the top bits of its second half (random bits; the first
    /// half begins with the creation time) times a 64-bit odd constant (Fibonacci hashing).
    @inline(__always)
    private static func home(_ low: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (low &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The stored code of a status (never `0`, the empty slot).
    @inline(__always)
    private static func code(of status: ConsentStatus) -> UInt8 {
        switch status {
        case .granted: 1
        case .withdrawn: 2
        case .refused: 3
        case .expired: 4
        case .absent: 5
        }
    }

    /// The status a stored code stands for.
    @inline(__always)
    private static func status(code: UInt8) -> ConsentStatus {
        switch code {
        case 1: .granted
        case 2: .withdrawn
        case 3: .refused
        case 4: .expired
        default: .absent
        }
    }
}
