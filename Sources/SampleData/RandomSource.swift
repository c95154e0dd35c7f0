/// A xoshiro256** generator seeded through SplitMix64: the same seed gives the same sequence on every machine.
struct RandomSource {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Seeds the four state words from consecutive SplitMix64 outputs of `seed`.
    init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// An independent stream for one purpose (`stream`) and one item (`index`) of a run seeded with `seed`.
    init(seed: UInt64, stream: UInt64, index: UInt64) {
        var mixer = SplitMix64(state: seed)
        let base = mixer.next()
        let key = SplitMix64.mix(base ^ SplitMix64.mix(stream &+ 0x5851_F42D_4C95_7F2D))
        self.init(seed: key ^ SplitMix64.mix(index &* 0x2545_F491_4F6C_DD1D &+ stream))
    }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniformly distributed value in `0..<bound` (multiply-high reduction; `bound` must be positive).
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniformly distributed integer in `range`.
    @inline(__always)
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniformly distributed double in `0..<1` with 53 random bits.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability`.
    @inline(__always)
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A uniformly chosen element of a non-empty array.
    @inline(__always)
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// An index chosen with the given integer weights (which must sum to a positive number).
    mutating func weightedIndex(_ weights: [Int]) -> Int {
        var total = 0
        for weight in weights { total += weight }
        var point = below(total)
        for (index, weight) in weights.enumerated() {
            if point < weight { return index }
            point -= weight
        }
        return weights.count - 1
    }

    /// `count` distinct indices out of `0..<population`, in random order (partial Fisher–Yates).
    mutating func sampleIndices(_ count: Int, of population: Int) -> [Int] {
        var pool = Array(0..<population)
        for position in 0..<count {
            let other = position + below(population - position)
            pool.swapAt(position, other)
        }
        return Array(pool[0..<count])
    }

    @inline(__always)
    private func rotateLeft(_ value: UInt64, _ amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}

/// SplitMix64, used to expand seeds and to derive independent streams.
struct SplitMix64 {
    /// The running state; advanced by the golden gamma on every output.
    var state: UInt64

    /// The next output.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective 64-bit mixing function.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
