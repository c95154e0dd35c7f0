import Foundation

/// Turns policy JSON into a validated `AccessPolicy`, collecting every problem before failing.
///
/// Sections are read in dependency order (consent purposes, fields, purposes before the actors that refer to
/// them). A section that cannot be read at all does not produce follow-up "unknown ..." noise elsewhere.
struct PolicyLoader {
    /// The top-level keys of a policy document.
    static let requiredKeys = [
        "version", "operator", "defaultRegime", "fields", "eventTypes", "purposes", "consentPurposes", "actors",
        "regimes", "survivorship",
    ]

    var reader = PolicyReader()

    // Sections read so far. A `nil` name set means the section itself was unreadable.
    var consentPurposeNames: Set<String>?
    var consentPurposeList: [String] = []
    var fieldNames: Set<String>?
    var fields: [FieldDefinition] = []
    var eventTypes: [EventTypeDefinition] = []
    var purposeNames: Set<String>?
    var purposes: [PurposeDefinition] = []
    var actors: [ActorDefinition] = []
    var regimeNames: Set<String>?
    var regimes: [RegimeDefinition] = []

    /// Loads and validates `data`, naming `fileName` in errors.
    static func load(data: Data, fileName: String) throws(PolicyError) -> AccessPolicy {
        var parser = JSONParser(bytes: Array(data))
        let root: JSONNode
        do {
            root = try parser.parseDocument()
        } catch {
            throw PolicyError(fileName: fileName, issues: [error.issue])
        }
        var loader = PolicyLoader()
        for duplicate in parser.duplicates {
            loader.reader.report(
                .duplicateKey, at: duplicate.path, line: duplicate.line,
                "duplicate key \"\(duplicate.key)\" (first defined at line \(duplicate.firstLine))")
        }
        let policy = loader.readDocument(root)
        let issues = loader.reader.issues.inLineOrder()
        guard issues.isEmpty, let policy else {
            let fallback = PolicyIssue(code: .invalidValue, path: "$", message: "the policy is incomplete")
            throw PolicyError(fileName: fileName, issues: issues.isEmpty ? [fallback] : issues)
        }
        return policy
    }

    /// Reads the whole document; `nil` when a required part is unusable.
    private mutating func readDocument(_ root: JSONNode) -> AccessPolicy? {
        guard
            let document = reader.object(
                root, at: .root, required: Self.requiredKeys, optional: ["description"])
        else { return nil }
        let path = JSONPath.root
        let version = reader.string(document["version"], at: path.appending("version"))
        _ = reader.string(document["description"], at: path.appending("description"), allowsEmpty: true)
        let dataOperator = document["operator"].flatMap { readOperator($0, at: path.appending("operator")) }

        if let node = document["consentPurposes"] { readConsentPurposes(node, at: path.appending("consentPurposes")) }
        if let node = document["fields"] { readFields(node, at: path.appending("fields")) }
        if let node = document["eventTypes"] { readEventTypes(node, at: path.appending("eventTypes")) }
        if let node = document["purposes"] { readPurposes(node, at: path.appending("purposes")) }
        if let node = document["actors"] { readActors(node, at: path.appending("actors")) }
        if let node = document["regimes"] { readRegimes(node, at: path.appending("regimes")) }
        let defaultRegime = document["defaultRegime"].flatMap {
            readRegimeReference($0, at: path.appending("defaultRegime"))
        }
        let survivorship = document["survivorship"].flatMap {
            readSurvivorship($0, at: path.appending("survivorship"))
        }

        guard reader.issues.isEmpty, let version, let dataOperator, let defaultRegime, let survivorship,
            consentPurposeNames != nil, let fieldNames, let purposeNames, regimeNames != nil,
            fields.count == fieldNames.count, purposes.count == purposeNames.count
        else { return nil }
        return AccessPolicy(
            version: version, dataOperator: dataOperator, fields: fields, eventTypes: eventTypes,
            purposes: purposes, consentPurposes: consentPurposeList, actors: actors,
            regimes: regimes, defaultRegimeName: defaultRegime, survivorship: survivorship)
    }

    private mutating func readOperator(_ node: JSONNode, at path: JSONPath) -> DataOperator? {
        guard let members = reader.object(node, at: path, required: ["name", "address"], optional: ["contact"])
        else { return nil }
        let name = reader.string(members["name"], at: path.appending("name"))
        let address = reader.string(members["address"], at: path.appending("address"))
        let contact = reader.string(members["contact"], at: path.appending("contact"), allowsEmpty: true) ?? ""
        guard let name, let address else { return nil }
        return DataOperator(name: name, address: address, contact: contact)
    }

    private mutating func readConsentPurposes(_ node: JSONNode, at path: JSONPath) {
        guard let items = reader.stringList(node, at: path, noun: "consent purpose") else { return }
        for item in items { reader.checkName(item.value, at: item.path, node: item.node, noun: "consent purpose") }
        consentPurposeList = items.map(\.value)
        consentPurposeNames = Set(consentPurposeList)
    }
}
