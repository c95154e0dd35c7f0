/// A value axis from zero to a round maximum with round ticks (1, 2 or 5 times a power of ten).
struct ChartScale: Sendable {
    /// The axis maximum (at least the largest value, and at least 1).
    let maximum: Int64
    /// The tick values from zero to `maximum`.
    let ticks: [Int64]

    /// A scale for values up to `largest` with about `tickCount` intervals.
    init(largest: Int64, tickCount: Int64 = 5) {
        let rough = max(1, (max(largest, 1) + tickCount - 1) / tickCount)
        var magnitude: Int64 = 1
        while magnitude <= rough / 10 { magnitude *= 10 }
        let step = [1, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let top = max(step, (max(largest, 1) + step - 1) / step * step)
        maximum = top
        ticks = Array(stride(from: 0, through: top, by: Int(step)))
    }

    /// The position of `value` on an axis of `length` points.
    func position(_ value: Int64, length: Double) -> Double {
        Double(value) / Double(maximum) * length
    }
}
