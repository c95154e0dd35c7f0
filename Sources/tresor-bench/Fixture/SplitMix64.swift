/// A small deterministic generator (SplitMix64): the same seed gives the same data on every run,
/// so the encrypted run and its plaintext baseline write identical rows.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// An element of `items`.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A price with two decimals in `low..<high`.
    mutating func price(_ low: Double, _ high: Double) -> Double {
        ((low + Double(next() % 1_000_000) / 1_000_000 * (high - low)) * 100).rounded() / 100
    }

    /// A stateless hash of `value` (the SplitMix64 finaliser).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
