extension PolicyLoader {
    /// Reads `survivorship`: { default: { strategy, sourceTrust }, fields?: name → { strategy, sourceTrust? } }.
    /// A field rule without `sourceTrust` inherits the default order.
    mutating func readSurvivorship(_ node: JSONNode, at path: JSONPath) -> SurvivorshipPolicy? {
        guard let members = reader.object(node, at: path, required: ["default"], optional: ["fields"]) else {
            return nil
        }
        let defaultRule = members["default"].flatMap {
            readSurvivorshipRule($0, at: path.appending("default"), isDefault: true, inheritedTrust: nil)
        }
        var fieldRules: [String: SurvivorshipRule] = [:]
        var isValid = true
        if let fieldsNode = members["fields"], let entries = reader.entries(fieldsNode, at: path.appending("fields")) {
            for entry in entries {
                let rulePath = path.appending("fields").appending(entry.key)
                if let fieldNames, !fieldNames.contains(entry.key) {
                    reader.report(.unknownField, at: rulePath, node: entry.node, "unknown field \"\(entry.key)\"")
                    isValid = false
                }
                guard
                    let rule = readSurvivorshipRule(
                        entry.node, at: rulePath, isDefault: false, inheritedTrust: defaultRule?.sourceTrust)
                else {
                    isValid = false
                    continue
                }
                fieldRules[entry.key] = rule
            }
        }
        guard let defaultRule, isValid else { return nil }
        return SurvivorshipPolicy(defaultRule: defaultRule, fieldRules: fieldRules)
    }

    private mutating func readSurvivorshipRule(
        _ node: JSONNode, at path: JSONPath, isDefault: Bool, inheritedTrust: [String]?
    ) -> SurvivorshipRule? {
        guard
            let members = reader.object(
                node, at: path, required: isDefault ? ["strategy", "sourceTrust"] : ["strategy"],
                optional: isDefault ? ["description"] : ["sourceTrust", "description"])
        else { return nil }
        _ = readDescription(members, at: path)
        let strategy: SurvivorshipStrategy? = reader.enumeration(
            members["strategy"], at: path.appending("strategy"), code: .invalidValue, noun: "strategy")
        let trust: [String]?
        if members.contains("sourceTrust") {
            trust = reader.stringList(members["sourceTrust"], at: path.appending("sourceTrust"), noun: "source")?
                .map(\.value)
        } else {
            trust = inheritedTrust
        }
        guard let strategy, let trust else { return nil }
        return SurvivorshipRule(strategy: strategy, sourceTrust: trust)
    }
}
