extension AccessPolicy {
    /// The field named `name`, if the policy defines it.
    public func field(named name: String) -> FieldDefinition? { fieldsByName[name] }

    /// The names of the fields of class `fieldClass`, in file order.
    public func fieldNames(in fieldClass: FieldClass) -> [String] {
        fields.filter { $0.fieldClass == fieldClass }.map(\.name)
    }

    /// The retention rule of `eventType`: its own entry, or the `*` default.
    public func eventType(named eventType: String) -> EventTypeDefinition {
        eventTypesByName[eventType] ?? eventTypesByName[EventTypeDefinition.defaultName]!
    }

    /// The purpose named `name`, if the policy defines it.
    public func purpose(named name: String) -> PurposeDefinition? { purposesByName[name] }

    /// Whether a consent can be recorded for `consentPurpose`.
    public func isConsentPurpose(_ consentPurpose: String) -> Bool { consentPurposeSet.contains(consentPurpose) }

    /// The actor named `name`, if the policy defines it.
    public func actor(named name: String) -> ActorDefinition? { actorsByName[name] }

    /// The regime named `name` (e.g. `gdpr`, `152fz`), if the policy defines it.
    public func regime(named name: String) -> RegimeDefinition? { regimesByName[name] }

    /// The regime of a subject living in `countryCode` (ISO 3166-1 alpha-2, any case); the default regime when
    /// no regime lists the country.
    public func regime(forCountry countryCode: String) -> RegimeDefinition {
        regimesByCountry[countryCode.uppercased()] ?? defaultRegime
    }

    /// The survivorship rule of `field`: its own rule, or the default.
    public func survivorshipRule(for field: String) -> SurvivorshipRule {
        survivorshipRules[field] ?? defaultSurvivorshipRule
    }

    /// The fields `actor` may read for `purpose`, in file order; empty for an unknown actor or purpose.
    public func readableFields(actor: String, purpose: String) -> [String] {
        guard let definition = actorsByName[actor] else { return [] }
        let grants = definition.grants.filter { $0.covers(purpose: purpose) }
        return fields.filter { field in grants.contains { $0.covers(field: field.name, of: field.fieldClass) } }
            .map(\.name)
    }
}
