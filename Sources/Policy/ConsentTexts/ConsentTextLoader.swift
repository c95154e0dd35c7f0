import Foundation

/// Reads one consent text file into a validated `ConsentText`, collecting every problem before failing.
///
/// The keys every text needs are checked first; then the items its regime requires (`152fz`, `gdpr`), each
/// reported with the article that requires it.
struct ConsentTextLoader {
    /// The keys a consent text document may contain.
    static let keys = [
        "id", "version", "jurisdiction", "language", "purposes", "title", "body", "operator", "controller",
        "dataCategories", "actions", "processingMethods", "thirdParties", "validity", "withdrawal",
        "separateDocument", "rightToWithdraw",
    ]

    var reader = PolicyReader()
    /// The file name without `.json`, which the id must equal.
    let fileStem: String
    /// The consent purposes a text may ask for; `nil` skips the check.
    let knownPurposes: Set<String>?
    /// The jurisdiction once read; chooses the requirements.
    var jurisdiction: String?

    /// Reads `data` named `fileName`.
    static func load(fileName: String, data: Data, knownPurposes: Set<String>?) -> ConsentTextFile {
        let bytes = [UInt8](data)
        var parser = JSONParser(bytes: bytes)
        let root: JSONNode
        do {
            root = try parser.parseDocument()
        } catch {
            return ConsentTextFile(name: fileName, text: nil, declaredID: nil, issues: [error.issue])
        }
        let stem = fileName.hasSuffix(".json") ? String(fileName.dropLast(5)) : fileName
        var loader = ConsentTextLoader(fileStem: stem, knownPurposes: knownPurposes)
        for duplicate in parser.duplicates {
            loader.reader.report(
                .duplicateKey, at: duplicate.path, line: duplicate.line,
                "duplicate key \"\(duplicate.key)\" (first defined at line \(duplicate.firstLine))")
        }
        let (text, declaredID) = loader.readDocument(root, bytes: bytes)
        let issues = loader.reader.issues
        return ConsentTextFile(
            name: fileName, text: issues.isEmpty ? text : nil, declaredID: declaredID, issues: issues)
    }

    /// Reads the whole document; the text is `nil` when a required part is unusable.
    private mutating func readDocument(
        _ root: JSONNode, bytes: [UInt8]
    ) -> (ConsentText?, (value: String, line: Int)?) {
        guard let document = reader.object(root, at: .root, optional: Self.keys) else { return (nil, nil) }
        let path = JSONPath.root
        jurisdiction = requiredString(.jurisdiction, in: document, key: "jurisdiction")
        if let jurisdiction, let node = document["jurisdiction"] {
            reader.checkName(jurisdiction, at: path.appending("jurisdiction"), node: node, noun: "jurisdiction")
        }
        let id = requiredString(.id, in: document, key: "id")
        let version = readVersion(in: document)
        if let id, let node = document["id"] {
            checkID(id, node: node, version: version, versionLine: document["version"]?.line)
        }
        let language = readLanguage(in: document)
        let purposes = readPurposes(in: document)
        let title = requiredString(.title, in: document, key: "title")
        let body = requiredString(.body, in: document, key: "body")
        let parties = readParties(in: document)
        let lists = readProcessingLists(in: document)
        let statements = readStatements(in: document)

        let declaredID = id.flatMap { id in document["id"].map { (value: id, line: $0.line) } }
        guard reader.issues.isEmpty, let id, let version, let jurisdiction, let language, let purposes, let title,
            let body
        else { return (nil, declaredID) }
        let text = ConsentText(
            id: id, version: version, jurisdiction: jurisdiction, language: language, purposes: purposes,
            title: title, body: body, dataOperator: parties.dataOperator, controller: parties.controller,
            dataCategories: lists.dataCategories, actions: lists.actions, processingMethods: lists.methods,
            thirdParties: parties.thirdParties, validity: statements.validity, withdrawal: statements.withdrawal,
            separateDocument: statements.separateDocument, rightToWithdraw: statements.rightToWithdraw,
            documentBytes: bytes)
        return (text, declaredID)
    }

    // MARK: Requirements

    /// Reports `item` as missing at `path` when its regime requires it.
    mutating func reportMissing(_ item: ConsentTextItem, at path: JSONPath, line: Int?) {
        guard let requirement = item.requirement(jurisdiction: jurisdiction) else { return }
        reader.report(.missingKey, at: path, line: line, requirement.missingMessage)
    }

    /// Reports `item` as empty at `path` when its regime requires it.
    mutating func reportEmpty(_ item: ConsentTextItem, at path: JSONPath, node: JSONNode) {
        guard let requirement = item.requirement(jurisdiction: jurisdiction) else { return }
        reader.report(.invalidValue, at: path, node: node, requirement.emptyMessage)
    }

    /// The string at `key` of `members`; absence and blankness are reported when `item` is required.
    /// A blank optional string reads as `nil`.
    mutating func requiredString(_ item: ConsentTextItem, in members: PolicyReader.Members, key: String) -> String? {
        let path = members.path.appending(key)
        guard let node = members[key] else {
            reportMissing(item, at: path, line: members.node.line)
            return nil
        }
        guard let text = reader.string(node, at: path, allowsEmpty: true) else { return nil }
        guard !text.isBlank else {
            reportEmpty(item, at: path, node: node)
            return nil
        }
        return text
    }

    /// The strings of the list at `key`; absence and emptiness are reported when `item` is required.
    mutating func requiredList(_ item: ConsentTextItem, in members: PolicyReader.Members, key: String, noun: String)
        -> [PolicyReader.ListItem]?
    {
        let path = members.path.appending(key)
        guard let node = members[key] else {
            reportMissing(item, at: path, line: members.node.line)
            return nil
        }
        guard let items = reader.stringList(node, at: path, noun: noun) else { return nil }
        if items.isEmpty, case .array(let elements) = node.value, elements.isEmpty {
            reportEmpty(item, at: path, node: node)
        }
        return items
    }
}

extension String {
    /// Whether the string is empty or only white space.
    fileprivate var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
