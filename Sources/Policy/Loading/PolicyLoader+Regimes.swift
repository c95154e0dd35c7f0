extension PolicyLoader {
    /// Reads `regimes`: name → { ageOfConsent, requestDeadline, destructionDeadlineDays?,
    /// destructionRecordRetentionDays?, countries?, description? }.
    mutating func readRegimes(_ node: JSONNode, at path: JSONPath) {
        guard let entries = reader.entries(node, at: path) else { return }
        regimeNames = Set(entries.map(\.key))
        var countryOwners: [String: String] = [:]
        for entry in entries {
            let regimePath = path.appending(entry.key)
            reader.checkName(entry.key, at: regimePath, node: entry.node, noun: "regime")
            guard
                let members = reader.object(
                    entry.node, at: regimePath, required: ["ageOfConsent", "requestDeadline"],
                    optional: [
                        "destructionDeadlineDays", "destructionRecordRetentionDays", "countries", "description",
                    ])
            else { continue }
            let age = reader.integer(members["ageOfConsent"], at: regimePath.appending("ageOfConsent"), maximum: 150)
            let deadline = members["requestDeadline"].flatMap {
                readDeadline($0, at: regimePath.appending("requestDeadline"))
            }
            let destruction = reader.optionalDays(
                members["destructionDeadlineDays"], at: regimePath.appending("destructionDeadlineDays"))
            let recordRetention = reader.optionalDays(
                members["destructionRecordRetentionDays"], at: regimePath.appending("destructionRecordRetentionDays"))
            let countries = readCountries(
                members["countries"], at: regimePath.appending("countries"), regime: entry.key, owners: &countryOwners)
            let description = readDescription(members, at: regimePath)
            guard let age, let deadline, let destruction, let recordRetention, let countries else { continue }
            regimes.append(
                RegimeDefinition(
                    name: entry.key, ageOfConsent: age, requestDeadline: deadline,
                    destructionDeadlineDays: destruction, destructionRecordRetentionDays: recordRetention,
                    countries: countries, description: description))
        }
    }

    /// Reads `defaultRegime`, which must name a regime.
    mutating func readRegimeReference(_ node: JSONNode, at path: JSONPath) -> String? {
        guard let name = reader.string(node, at: path) else { return nil }
        if let regimeNames, !regimeNames.contains(name) {
            reader.report(.unknownRegime, at: path, node: node, "unknown regime \"\(name)\"")
            return nil
        }
        return name
    }

    private mutating func readDeadline(_ node: JSONNode, at path: JSONPath) -> RequestDeadline? {
        guard let members = reader.object(node, at: path, required: ["unit", "amount", "extension"]) else {
            return nil
        }
        let unit: DeadlineUnit? = reader.enumeration(
            members["unit"], at: path.appending("unit"), code: .invalidValue, noun: "deadline unit")
        let amount = reader.integer(members["amount"], at: path.appending("amount"), minimum: 1)
        let extensionAmount = reader.integer(members["extension"], at: path.appending("extension"))
        guard let unit, let amount, let extensionAmount else { return nil }
        return RequestDeadline(unit: unit, amount: amount, extensionAmount: extensionAmount)
    }

    /// Reads ISO 3166-1 alpha-2 codes; a country may belong to one regime only.
    private mutating func readCountries(
        _ node: JSONNode?, at path: JSONPath, regime: String, owners: inout [String: String]
    ) -> [String]? {
        guard let node else { return [] }
        guard let items = reader.stringList(node, at: path, noun: "country") else { return nil }
        var countries: [String] = []
        for item in items {
            let isCode = item.value.utf8.count == 2 && item.value.utf8.allSatisfy { (0x41...0x5A).contains($0) }
            guard isCode else {
                reader.report(
                    .invalidValue, at: item.path, node: item.node,
                    "country \"\(item.value)\" is not an upper-case ISO 3166-1 alpha-2 code")
                continue
            }
            if let owner = owners[item.value] {
                reader.report(
                    .duplicateName, at: item.path, node: item.node,
                    "country \(item.value) is already assigned to regime \(owner)")
                continue
            }
            owners[item.value] = regime
            countries.append(item.value)
        }
        return countries.count == items.count ? countries : nil
    }
}
