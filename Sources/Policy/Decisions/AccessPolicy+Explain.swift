extension AccessPolicy {
    /// A multi-line explanation of the decision for `actor` reading `field` for `purpose` of a subject in
    /// `state`: the decision, its reason, the definitions involved and every check in order (`[ok]`, `[denied]`,
    /// `[n/a]`). Used by `tresor policy explain`.
    public func explain(actor: String, purpose: String, field: String, state: SubjectState) -> String {
        let decision = plan(actor: actor, purpose: purpose, fields: [field]).decide(for: state)
        var lines = ["Decision: \(decision.isFullyAllowed ? "ALLOWED" : "DENIED")"]
        if let denial = decision.deniedFields.first {
            lines.append("Reason: \(denial.reason)")
        }
        lines.append("Actor: " + describeActor(actor))
        lines.append("Purpose: " + describePurpose(purpose))
        lines.append("Field: " + describeField(field))
        lines.append("Subject: " + describe(state))
        lines.append("Checks:")
        lines += checks(actor: actor, purpose: purpose, field: field, state: state).map { "  " + $0 }
        return lines.joined(separator: "\n")
    }

    private func describeActor(_ name: String) -> String {
        guard let actor = actorsByName[name] else { return "\(name) (not defined in the policy)" }
        return "\(name) (\(actor.kind), \(actor.grants.count) grant\(actor.grants.count == 1 ? "" : "s"))"
    }

    private func describePurpose(_ name: String) -> String {
        guard let purpose = purposesByName[name] else { return "\(name) (not defined in the policy)" }
        var traits = ["basis \(purpose.basis)"]
        if let consentPurpose = purpose.consentPurpose { traits.append("consent purpose \(consentPurpose)") }
        if purpose.requiresExplicitConsent { traits.append("explicit consent") }
        if purpose.isMarketing { traits.append("direct marketing") }
        traits.append(purpose.isAllowedWhileRestricted ? "allowed while restricted" : "not allowed while restricted")
        return "\(name) (\(traits.joined(separator: ", ")))"
    }

    private func describeField(_ name: String) -> String {
        guard let field = fieldsByName[name] else { return "\(name) (not defined in the policy)" }
        let retention = field.retentionDays.map { "retention \($0) days" } ?? "kept while the subject exists"
        let hold = field.legalHold.map { ", legal hold \($0.days) days" } ?? ""
        return "\(name) (class \(field.fieldClass), type \(field.type), \(retention)\(hold))"
    }

    private func describe(_ state: SubjectState) -> String {
        func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
        return [
            "restricted \(yesNo(state.isRestricted))",
            "objected to direct marketing \(yesNo(state.hasObjectedToDirectMarketing))",
            "objected to legitimate interest \(yesNo(state.hasObjectedToLegitimateInterest))",
            "consent \(state.consent)",
            "minor \(yesNo(state.isMinor))"
                + (state.isMinor ? ", guardian consent \(yesNo(state.hasGuardianConsent))" : ""),
        ].joined(separator: "; ")
    }

    /// Every check of a decision in order, each marked `[ok]`, `[denied]` or `[n/a]`.
    private func checks(actor: String, purpose: String, field: String, state: SubjectState) -> [String] {
        var lines: [String] = []
        func add(_ passed: Bool?, _ text: String) {
            let mark = passed.map { $0 ? "[ok]    " : "[denied]" } ?? "[n/a]   "
            lines.append("\(mark) \(text)")
        }
        let actorDefinition = actorsByName[actor]
        let purposeDefinition = purposesByName[purpose]
        let fieldDefinition = fieldsByName[field]
        add(actorDefinition != nil, "actor \(actor) is defined")
        add(purposeDefinition != nil, "purpose \(purpose) is defined")
        add(fieldDefinition != nil, "field \(field) is defined")
        if let actorDefinition, let fieldDefinition, purposeDefinition != nil {
            let matches = actorDefinition.grants.enumerated().filter { $0.element.covers(purpose: purpose) }
            if matches.isEmpty {
                add(false, "actor \(actor) has a grant for purpose \(purpose)")
            } else if let match = matches.first(where: {
                $0.element.covers(field: field, of: fieldDefinition.fieldClass)
            }) {
                let how = match.element.fields.contains(field) ? "by name" : "by class \(fieldDefinition.fieldClass)"
                let path = JSONPath.root.appending("actors").appending(actor).appending("grants").appending(
                    match.offset)
                add(true, "\(path) grants field \(field) \(how) for purpose \(purpose)")
            } else {
                let readable = readableFields(actor: actor, purpose: purpose)
                let list = readable.isEmpty ? "no personal field" : readable.joined(separator: ", ")
                add(false, "field \(field) is granted to actor \(actor) for purpose \(purpose) (granted: \(list))")
            }
        } else {
            add(nil, "grant for the field (needs a defined actor, purpose and field)")
        }
        guard let purposeDefinition else { return lines }
        if purposeDefinition.isAllowedWhileRestricted {
            add(nil, "restriction: purpose \(purpose) is allowed while restricted")
        } else {
            add(!state.isRestricted, "subject is not restricted")
        }
        if purposeDefinition.isMarketing {
            add(!state.hasObjectedToDirectMarketing, "subject has not objected to direct marketing")
        } else {
            add(nil, "objection to direct marketing: purpose is not direct marketing")
        }
        if purposeDefinition.basis.isObjectable {
            add(!state.hasObjectedToLegitimateInterest, "subject has not objected to processing (Art. 21(1))")
        } else {
            add(nil, "objection under Art. 21(1): basis is \(purposeDefinition.basis)")
        }
        if let consentPurpose = purposeDefinition.consentPurpose, purposeDefinition.requiresConsent {
            add(state.consent == .granted, "consent for \(consentPurpose) is granted (status: \(state.consent))")
            if state.isMinor {
                add(state.hasGuardianConsent, "consent of a minor was given by a parent or guardian")
            } else {
                add(nil, "guardian consent: subject is not a minor")
            }
        } else {
            add(nil, "consent: basis is \(purposeDefinition.basis)")
        }
        return lines
    }
}
