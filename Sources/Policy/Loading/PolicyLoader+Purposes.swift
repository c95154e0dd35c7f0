extension PolicyLoader {
    /// Reads `purposes`: name → { basis, consentPurpose?, marketing?, explicitConsent?,
    /// specialCategoryCondition?, allowedWhileRestricted?, description? }.
    mutating func readPurposes(_ node: JSONNode, at path: JSONPath) {
        guard let entries = reader.entries(node, at: path) else { return }
        purposeNames = Set(entries.map(\.key))
        for entry in entries {
            let purposePath = path.appending(entry.key)
            reader.checkName(entry.key, at: purposePath, node: entry.node, noun: "purpose")
            if let purpose = readPurpose(named: entry.key, entry.node, at: purposePath) {
                purposes.append(purpose)
            }
        }
    }

    private mutating func readPurpose(named name: String, _ node: JSONNode, at path: JSONPath) -> PurposeDefinition? {
        guard
            let members = reader.object(
                node, at: path,
                optional: [
                    "basis", "consentPurpose", "marketing", "explicitConsent", "specialCategoryCondition",
                    "allowedWhileRestricted", "description",
                ])
        else { return nil }
        guard members.contains("basis") else {
            reader.report(.missingBasis, at: path, node: node, "purpose \(name) has no lawful basis (\"basis\")")
            return nil
        }
        let basis: LawfulBasis? = reader.enumeration(
            members["basis"], at: path.appending("basis"), code: .unknownBasis, noun: "lawful basis")
        let consentPurpose = reader.string(members["consentPurpose"], at: path.appending("consentPurpose"))
        let isMarketing = reader.bool(members["marketing"], at: path.appending("marketing"), default: false)
        let explicitConsent = reader.bool(
            members["explicitConsent"], at: path.appending("explicitConsent"), default: false)
        let condition = reader.string(
            members["specialCategoryCondition"], at: path.appending("specialCategoryCondition"))
        let allowedWhileRestricted = reader.bool(
            members["allowedWhileRestricted"], at: path.appending("allowedWhileRestricted"), default: false)
        let description = readDescription(members, at: path)
        guard let basis else { return nil }

        var isValid = true
        if basis == .consent {
            if consentPurpose == nil && !members.contains("consentPurpose") {
                reader.report(
                    .missingConsentPurpose, at: path, node: node,
                    "purpose \(name) has basis consent but no \"consentPurpose\"")
                isValid = false
            }
            if let consentPurpose, let known = consentPurposeNames, !known.contains(consentPurpose) {
                reader.report(
                    .unknownConsentPurpose, at: path.appending("consentPurpose"), node: members["consentPurpose"],
                    "unknown consent purpose \"\(consentPurpose)\" (not listed in consentPurposes)")
                isValid = false
            }
            if condition != nil {
                reader.report(
                    .invalidValue, at: path.appending("specialCategoryCondition"),
                    node: members["specialCategoryCondition"],
                    "a consent-based purpose uses \"explicitConsent\" for special categories, not a condition")
                isValid = false
            }
        } else {
            let misplaced = [
                ("consentPurpose", members.contains("consentPurpose")), ("explicitConsent", explicitConsent),
            ]
            for (key, isPresent) in misplaced where isPresent {
                reader.report(
                    .invalidValue, at: path.appending(key), node: members[key],
                    "\"\(key)\" is only allowed when the basis is consent (basis is \(basis))")
                isValid = false
            }
        }
        guard isValid, basis != .consent || consentPurpose != nil else { return nil }
        return PurposeDefinition(
            name: name, basis: basis, consentPurpose: consentPurpose, isMarketing: isMarketing,
            requiresExplicitConsent: explicitConsent, specialCategoryCondition: condition,
            isAllowedWhileRestricted: allowedWhileRestricted, description: description)
    }
}
