/// One benchmark scenario. To add one: write a struct conforming to this protocol in `Scenarios/`
/// and list it in `ScenarioRegistry.all`. The runner times it, samples memory around it and
/// reports what it adds to its `ScenarioReport`.
protocol BenchScenario: Sendable {
    /// The name used by `--only` and in results.json (`event-write`).
    var name: String { get }
    /// What is measured, in one line.
    var title: String { get }
    /// Runs the scenario; shared state (the main vault, the bench policy) comes from `context`.
    func run(in context: BenchContext, report: inout ScenarioReport) throws
}

/// Every scenario, in run order.
enum ScenarioRegistry {
    static let all: [any BenchScenario] = [
        EventWriteScenario(),
        ProfileReadScenario(),
        AccessorReadScenario(),
        AuditAppendScenario(),
        AuditVerifyScenario(),
        BulkScanScenario(),
        EventScanScenario(),
        ErasureScenario(),
        ConsentCheckScenario(),
        ExportScenario(),
        ImportScenario(),
        ResolutionQualityScenario(),
    ]

    /// The scenario names, in run order.
    static var names: [String] { all.map(\.name) }

    /// The scenario called `name`, if any.
    static func scenario(named name: String) -> (any BenchScenario)? { all.first { $0.name == name } }
}
