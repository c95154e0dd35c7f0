/// Latencies of single operations, in nanoseconds, with their order statistics in microseconds.
struct LatencySample {
    private let sorted: [UInt64]

    init(nanoseconds: [UInt64]) { sorted = nanoseconds.sorted() }

    /// Number of operations.
    var count: Int { sorted.count }

    /// The median in µs (nearest rank).
    var medianMicroseconds: Double { percentileMicroseconds(50) }

    /// The 99th percentile in µs (nearest rank).
    var p99Microseconds: Double { percentileMicroseconds(99) }

    /// The slowest operation in µs.
    var maxMicroseconds: Double { Double(sorted.last ?? 0) / 1000 }

    /// The `percent` percentile in µs, by the nearest-rank method.
    func percentileMicroseconds(_ percent: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return Double(sorted[min(max(rank, 1), sorted.count) - 1]) / 1000
    }

    /// Operations per second if they ran back to back.
    var operationsPerSecond: Double {
        let total = sorted.reduce(0, +)
        return total == 0 ? 0 : Double(sorted.count) / (Double(total) / 1e9)
    }
}
