extension AccessPolicy {
    /// Prepares decisions for `actor` reading `fields` for `purpose`; call `decide(for:)` per subject.
    ///
    /// An unknown actor or purpose, or an actor without any grant for the purpose, gives a plan that denies every
    /// field of every subject. An unknown or ungranted field is denied on its own, with its reason.
    public func plan(actor: String, purpose: String, fields requested: [String]) -> AccessPlan {
        guard let actorDefinition = actorsByName[actor] else {
            return AccessPlan(actor: actor, purpose: purpose, fields: requested, deniedBy: .unknownActor(actor: actor))
        }
        guard let purposeDefinition = purposesByName[purpose] else {
            return AccessPlan(
                actor: actor, purpose: purpose, fields: requested, deniedBy: .unknownPurpose(purpose: purpose))
        }
        let grants = actorDefinition.grants.filter { $0.covers(purpose: purpose) }
        guard !grants.isEmpty else {
            return AccessPlan(
                actor: actor, purpose: purpose, fields: requested,
                deniedBy: .purposeNotGranted(actor: actor, purpose: purpose))
        }
        let reasons: [DenialReason?] = requested.map { field in
            guard let definition = fieldsByName[field] else { return .unknownField(field: field) }
            let isGranted = grants.contains { $0.covers(field: field, of: definition.fieldClass) }
            return isGranted ? nil : .fieldNotGranted(field: field, actor: actor, purpose: purpose)
        }
        return AccessPlan(
            actor: actor, purpose: purposeDefinition, fields: requested, fieldReasons: reasons,
            purposesAllowedWhileRestricted: purposesAllowedWhileRestricted)
    }

    /// Decides once for one subject: `plan(actor:purpose:fields:).decide(for:)`.
    public func decide(actor: String, purpose: String, fields: [String], state: SubjectState) -> AccessDecision {
        plan(actor: actor, purpose: purpose, fields: fields).decide(for: state)
    }
}
