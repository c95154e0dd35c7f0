/// One series of a chart: its legend name and fill colour.
struct ChartSeries: Sendable, Equatable {
    /// The legend text.
    let name: String
    /// A CSS colour.
    let color: String
}
