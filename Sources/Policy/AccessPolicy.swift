/// A loaded, validated Tresor policy: fields, event types, purposes, consents, actors, regimes and survivorship.
///
/// Load one with `AccessPolicy.load(contentsOf:)`; ask for decisions with `plan(actor:purpose:fields:)`.
/// Every lookup is a dictionary access; the value is immutable and safe to share between threads.
public struct AccessPolicy: Sendable {
    /// The policy's version string, recorded with audit entries.
    public let version: String
    /// The data controller / 152-FZ operator.
    public let dataOperator: DataOperator
    /// The personal fields, in file order.
    public let fields: [FieldDefinition]
    /// Event type retention rules, in file order, including the `*` default.
    public let eventTypes: [EventTypeDefinition]
    /// The processing purposes, in file order.
    public let purposes: [PurposeDefinition]
    /// The purposes a consent can be recorded for, in file order.
    public let consentPurposes: [String]
    /// The actors (roles and modules), in file order.
    public let actors: [ActorDefinition]
    /// The legal regimes, in file order.
    public let regimes: [RegimeDefinition]
    /// The regime of subjects whose country no regime lists.
    public let defaultRegime: RegimeDefinition
    /// The survivorship rule of fields without their own rule.
    public let defaultSurvivorshipRule: SurvivorshipRule
    /// The purposes that may process a restricted subject, in file order.
    public let purposesAllowedWhileRestricted: [String]

    let fieldsByName: [String: FieldDefinition]
    let eventTypesByName: [String: EventTypeDefinition]
    let purposesByName: [String: PurposeDefinition]
    let consentPurposeSet: Set<String>
    let actorsByName: [String: ActorDefinition]
    let regimesByName: [String: RegimeDefinition]
    let regimesByCountry: [String: RegimeDefinition]
    let survivorshipRules: [String: SurvivorshipRule]

    /// Builds a policy from validated parts; only the loader calls this.
    init(
        version: String, dataOperator: DataOperator, fields: [FieldDefinition], eventTypes: [EventTypeDefinition],
        purposes: [PurposeDefinition], consentPurposes: [String], actors: [ActorDefinition],
        regimes: [RegimeDefinition], defaultRegimeName: String, survivorship: SurvivorshipPolicy
    ) {
        self.version = version
        self.dataOperator = dataOperator
        self.fields = fields
        self.eventTypes = eventTypes
        self.purposes = purposes
        self.consentPurposes = consentPurposes
        self.actors = actors
        self.regimes = regimes
        fieldsByName = Self.index(fields, by: \.name)
        eventTypesByName = Self.index(eventTypes, by: \.name)
        purposesByName = Self.index(purposes, by: \.name)
        consentPurposeSet = Set(consentPurposes)
        actorsByName = Self.index(actors, by: \.name)
        regimesByName = Self.index(regimes, by: \.name)
        regimesByCountry = Dictionary(
            regimes.flatMap { regime in regime.countries.map { ($0, regime) } }, uniquingKeysWith: { first, _ in first }
        )
        defaultRegime = regimesByName[defaultRegimeName]!
        defaultSurvivorshipRule = survivorship.defaultRule
        survivorshipRules = survivorship.fieldRules
        purposesAllowedWhileRestricted = purposes.filter(\.isAllowedWhileRestricted).map(\.name)
    }

    private static func index<Element>(_ elements: [Element], by key: KeyPath<Element, String>) -> [String: Element] {
        Dictionary(elements.map { ($0[keyPath: key], $0) }, uniquingKeysWith: { first, _ in first })
    }
}
