extension ConsentTextLoader {
    /// The operator, the controller and the third parties of a text.
    struct Parties {
        var dataOperator: DataOperator?
        var controller: DataOperator?
        var thirdParties: [ConsentThirdParty] = []
    }

    /// Reads `operator`, `controller` and `thirdParties`, with the requirements of the text's regime.
    mutating func readParties(in document: PolicyReader.Members) -> Parties {
        var parties = Parties()
        let root = JSONPath.root
        if let node = document["operator"] {
            parties.dataOperator = readOperator(node, at: root.appending("operator"))
        } else if jurisdiction == ConsentTextRegime.fz152 {
            reportMissing(.operatorName, at: root.appending("operator"), line: document.node.line)
        }
        if let node = document["controller"] {
            parties.controller = readController(node, at: root.appending("controller"))
        } else if !document.contains("operator"), jurisdiction == ConsentTextRegime.gdpr {
            reportMissing(.controllerName, at: root.appending("controller"), line: document.node.line)
        } else {
            parties.controller = parties.dataOperator
        }
        if let node = document["thirdParties"] {
            parties.thirdParties = readThirdParties(node, at: root.appending("thirdParties"))
        } else {
            reportMissing(.thirdParties, at: root.appending("thirdParties"), line: document.node.line)
        }
        return parties
    }

    private mutating func readOperator(_ node: JSONNode, at path: JSONPath) -> DataOperator? {
        guard let members = reader.object(node, at: path, optional: ["name", "address", "contact"]) else {
            return nil
        }
        let name = requiredString(.operatorName, in: members, key: "name")
        let address = requiredString(.operatorAddress, in: members, key: "address")
        let contact = reader.string(members["contact"], at: path.appending("contact"), allowsEmpty: true) ?? ""
        guard let name, let address else { return nil }
        return DataOperator(name: name, address: address, contact: contact)
    }

    private mutating func readController(_ node: JSONNode, at path: JSONPath) -> DataOperator? {
        guard let members = reader.object(node, at: path, optional: ["name", "address", "contact"]) else {
            return nil
        }
        let name = requiredString(.controllerName, in: members, key: "name")
        let address = reader.string(members["address"], at: path.appending("address"), allowsEmpty: true) ?? ""
        let contact = reader.string(members["contact"], at: path.appending("contact"), allowsEmpty: true) ?? ""
        guard let name else { return nil }
        return DataOperator(name: name, address: address, contact: contact)
    }

    private mutating func readThirdParties(_ node: JSONNode, at path: JSONPath) -> [ConsentThirdParty] {
        guard let elements = reader.array(node, at: path) else { return [] }
        var parties: [ConsentThirdParty] = []
        for (index, element) in elements.enumerated() {
            let elementPath = path.appending(index)
            guard let members = reader.object(element, at: elementPath, optional: ["name", "address", "role"])
            else { continue }
            let name = requiredString(.thirdPartyName, in: members, key: "name")
            let address = requiredString(.thirdPartyAddress, in: members, key: "address") ?? ""
            let role = reader.string(members["role"], at: elementPath.appending("role"), allowsEmpty: true) ?? ""
            guard let name else { continue }
            parties.append(ConsentThirdParty(name: name, address: address, role: role))
        }
        return parties
    }
}
