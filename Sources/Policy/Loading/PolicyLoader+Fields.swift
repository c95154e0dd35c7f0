extension PolicyLoader {
    /// Reads `fields`: name → { class, type, retentionDays?, legalHold?, description? }.
    mutating func readFields(_ node: JSONNode, at path: JSONPath) {
        guard let entries = reader.entries(node, at: path) else { return }
        fieldNames = Set(entries.map(\.key))
        for entry in entries {
            let fieldPath = path.appending(entry.key)
            reader.checkName(entry.key, at: fieldPath, node: entry.node, noun: "field")
            guard
                let members = reader.object(
                    entry.node, at: fieldPath, required: ["class", "type"],
                    optional: ["retentionDays", "legalHold", "description"])
            else { continue }
            let fieldClass: FieldClass? = reader.enumeration(
                members["class"], at: fieldPath.appending("class"), code: .unknownClass, noun: "class")
            let type: FieldType? = reader.enumeration(
                members["type"], at: fieldPath.appending("type"), code: .invalidValue, noun: "type")
            let retention = reader.optionalDays(members["retentionDays"], at: fieldPath.appending("retentionDays"))
            let legalHold = readLegalHold(members["legalHold"], at: fieldPath.appending("legalHold"))
            let description = readDescription(members, at: fieldPath)
            guard let fieldClass, let type, let retention, let legalHold else { continue }
            fields.append(
                FieldDefinition(
                    name: entry.key, fieldClass: fieldClass, type: type, retentionDays: retention,
                    legalHold: legalHold, description: description))
        }
    }

    /// Reads `eventTypes`: type → { retentionDays, legalHold?, description? }; the `*` entry is required.
    mutating func readEventTypes(_ node: JSONNode, at path: JSONPath) {
        guard let entries = reader.entries(node, at: path) else { return }
        if !entries.contains(where: { $0.key == EventTypeDefinition.defaultName }) {
            reader.report(
                .missingKey, at: path, node: node,
                "missing the default entry \"\(EventTypeDefinition.defaultName)\" for event types not listed")
        }
        for entry in entries {
            let typePath = path.appending(entry.key)
            guard
                let members = reader.object(
                    entry.node, at: typePath, required: ["retentionDays"], optional: ["legalHold", "description"])
            else { continue }
            let retention = reader.optionalDays(members["retentionDays"], at: typePath.appending("retentionDays"))
            let legalHold = readLegalHold(members["legalHold"], at: typePath.appending("legalHold"))
            let description = readDescription(members, at: typePath)
            guard let retention, let legalHold else { continue }
            eventTypes.append(
                EventTypeDefinition(
                    name: entry.key, retentionDays: retention, legalHold: legalHold, description: description))
        }
    }

    /// Reads an optional legal hold { reason, days }: absent or `null` is `.some(nil)`, a bad one `nil`.
    mutating func readLegalHold(_ node: JSONNode?, at path: JSONPath) -> LegalHold?? {
        guard let node else { return .some(nil) }
        if case .null = node.value { return .some(nil) }
        guard let members = reader.object(node, at: path, required: ["reason", "days"]) else { return nil }
        let reason = reader.string(members["reason"], at: path.appending("reason"))
        let days = reader.integer(members["days"], at: path.appending("days"))
        guard let reason, let days else { return nil }
        return .some(LegalHold(reason: reason, days: days))
    }

    /// Reads the optional `description` of an entry; empty when absent.
    mutating func readDescription(_ members: PolicyReader.Members, at path: JSONPath) -> String {
        reader.string(members["description"], at: path.appending("description"), allowsEmpty: true) ?? ""
    }
}
