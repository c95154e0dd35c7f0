/// The survivorship rules of a policy: a default rule and per-field overrides.
struct SurvivorshipPolicy: Sendable, Hashable {
    /// The rule of every field without its own.
    let defaultRule: SurvivorshipRule
    /// Rules for particular fields, by field name.
    let fieldRules: [String: SurvivorshipRule]
}
