/// The survivorship rule of a field: a strategy and the order of trust in sources.
public struct SurvivorshipRule: Sendable, Hashable {
    /// How the surviving value is chosen.
    public let strategy: SurvivorshipStrategy
    /// Source names, most trusted first (e.g. `crm`, `pos`, `app`, `web`).
    public let sourceTrust: [String]

    /// Creates a rule.
    public init(strategy: SurvivorshipStrategy, sourceTrust: [String]) {
        self.strategy = strategy
        self.sourceTrust = sourceTrust
    }

    /// The rank of `source` in the trust order, 0 being the most trusted; `nil` for an unlisted source,
    /// which ranks below every listed one.
    public func trustRank(of source: String) -> Int? {
        sourceTrust.firstIndex(of: source)
    }
}
