extension PolicyLoader {
    /// Reads `actors`: name → { kind, grants: [ { purposes, fields?, classes? } ], description? }.
    mutating func readActors(_ node: JSONNode, at path: JSONPath) {
        guard let entries = reader.entries(node, at: path) else { return }
        for entry in entries {
            let actorPath = path.appending(entry.key)
            reader.checkName(entry.key, at: actorPath, node: entry.node, noun: "actor")
            guard
                let members = reader.object(
                    entry.node, at: actorPath, required: ["kind", "grants"], optional: ["description"])
            else { continue }
            let kind: ActorKind? = reader.enumeration(
                members["kind"], at: actorPath.appending("kind"), code: .invalidValue, noun: "actor kind")
            let description = readDescription(members, at: actorPath)
            let grantsPath = actorPath.appending("grants")
            guard let grantNodes = reader.array(members["grants"], at: grantsPath) else { continue }
            var grants: [Grant] = []
            for (index, grantNode) in grantNodes.enumerated() {
                if let grant = readGrant(grantNode, at: grantsPath.appending(index)) { grants.append(grant) }
            }
            guard let kind, grants.count == grantNodes.count else { continue }
            actors.append(ActorDefinition(name: entry.key, kind: kind, grants: grants, description: description))
        }
    }

    private mutating func readGrant(_ node: JSONNode, at path: JSONPath) -> Grant? {
        guard
            let members = reader.object(
                node, at: path, required: ["purposes"], optional: ["fields", "classes", "description"])
        else { return nil }
        _ = readDescription(members, at: path)
        if !members.contains("fields") && !members.contains("classes") {
            reader.report(
                .missingKey, at: path, node: node,
                "a grant needs \"fields\" or \"classes\" (an empty list grants no personal field)")
        }
        let purposeItems = readReferences(
            members["purposes"], at: path.appending("purposes"), noun: "purpose", known: purposeNames,
            code: .unknownPurpose)
        let fieldItems = readReferences(
            members["fields"], at: path.appending("fields"), noun: "field", known: fieldNames, code: .unknownField)
        let classItems = reader.stringList(members["classes"], at: path.appending("classes"), noun: "class")
        var classes: [FieldClass] = []
        for item in classItems ?? [] {
            if let fieldClass = FieldClass(rawValue: item.value) {
                classes.append(fieldClass)
            } else {
                let expected = FieldClass.allCases.map(\.rawValue).joined(separator: ", ")
                reader.report(
                    .unknownClass, at: item.path, node: item.node,
                    "unknown class \"\(item.value)\" (expected one of \(expected))")
            }
        }
        if let purposeItems, purposeItems.isEmpty {
            reader.report(.invalidValue, at: path.appending("purposes"), node: members["purposes"], "must not be empty")
        }
        checkSpecialCategories(purposes: purposeItems ?? [], fields: fieldItems ?? [], classes: classItems ?? [])
        guard let purposeItems, !purposeItems.isEmpty else { return nil }
        return Grant(
            purposes: purposeItems.map(\.value), fields: (fieldItems ?? []).map(\.value), classes: classes)
    }

    /// A list of names that must each be defined in `known`; unknown names are reported with `code`.
    /// When `known` is `nil` (its section was unreadable) names are not checked.
    private mutating func readReferences(
        _ node: JSONNode?, at path: JSONPath, noun: String, known: Set<String>?, code: PolicyIssue.Code
    ) -> [PolicyReader.ListItem]? {
        guard let items = reader.stringList(node, at: path, noun: noun) else { return nil }
        guard let known else { return items }
        for item in items where !known.contains(item.value) {
            reader.report(code, at: item.path, node: item.node, "unknown \(noun) \"\(item.value)\"")
        }
        return items
    }

    /// Reports every special-category field or class granted for a purpose that may not use special categories
    /// (neither explicit consent nor a `specialCategoryCondition`).
    private mutating func checkSpecialCategories(
        purposes purposeItems: [PolicyReader.ListItem], fields fieldItems: [PolicyReader.ListItem],
        classes classItems: [PolicyReader.ListItem]
    ) {
        let definitions = Dictionary(purposes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let offending = purposeItems.compactMap { definitions[$0.value] }.filter { !$0.mayUseSpecialCategories }
        guard !offending.isEmpty else { return }
        let names = offending.map(\.name).joined(separator: ", ")
        let rule = "neither explicit consent (basis consent with explicitConsent) nor a specialCategoryCondition"
        let target =
            offending.count == 1 ? "purpose \(names), which has \(rule)" : "purposes \(names), which have \(rule)"
        let specialFields = Set(fields.filter(\.isSpecialCategory).map(\.name))
        for item in fieldItems where specialFields.contains(item.value) {
            reader.report(
                .specialCategoryWithoutExplicitConsent, at: item.path, node: item.node,
                "special-category field \(item.value) is granted for \(target)")
        }
        for item in classItems where item.value == FieldClass.specialCategory.rawValue {
            reader.report(
                .specialCategoryWithoutExplicitConsent, at: item.path, node: item.node,
                "class special_category is granted for \(target)")
        }
    }
}
