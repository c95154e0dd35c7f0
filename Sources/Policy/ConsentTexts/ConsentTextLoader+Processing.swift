extension ConsentTextLoader {
    /// The lists describing the processing.
    struct ProcessingLists {
        var dataCategories: [String] = []
        var actions: [String] = []
        var methods: [String] = []
    }

    /// The statements about validity and withdrawal, and the separate-document flag.
    struct Statements {
        var validity: String?
        var withdrawal: String?
        var rightToWithdraw: String?
        var separateDocument = false
    }

    /// Reads `dataCategories`, `actions` and `processingMethods`; actions and methods must use the vocabulary.
    mutating func readProcessingLists(in document: PolicyReader.Members) -> ProcessingLists {
        var lists = ProcessingLists()
        let categories = requiredList(.dataCategories, in: document, key: "dataCategories", noun: "data category")
        lists.dataCategories = categories?.map(\.value) ?? []
        let actions = requiredList(.actions, in: document, key: "actions", noun: "action")
        lists.actions = checkVocabulary(
            actions, ConsentTextRegime.actions, noun: "action", source: " (152-FZ Art. 3(3))")
        let methods = requiredList(.processingMethods, in: document, key: "processingMethods", noun: "method")
        lists.methods = checkVocabulary(methods, ConsentTextRegime.processingMethods, noun: "processing method")
        return lists
    }

    /// Reads `validity`, `withdrawal`, `rightToWithdraw` and `separateDocument`.
    mutating func readStatements(in document: PolicyReader.Members) -> Statements {
        var statements = Statements()
        statements.validity = requiredString(.validity, in: document, key: "validity")
        statements.withdrawal = requiredString(.withdrawal, in: document, key: "withdrawal")
        statements.rightToWithdraw = requiredString(.rightToWithdraw, in: document, key: "rightToWithdraw")
        let path = JSONPath.root.appending("separateDocument")
        let node = document["separateDocument"]
        statements.separateDocument = reader.bool(node, at: path, default: false)
        if let requirement = ConsentTextItem.separateDocument.requirement(jurisdiction: jurisdiction) {
            if node == nil {
                reader.report(.missingKey, at: path, line: document.node.line, requirement.missingMessage)
            } else if case .bool(false) = node?.value {
                reader.report(.invalidValue, at: path, node: node, requirement.falseMessage)
            }
        }
        return statements
    }

    /// The values of `items`, reporting each one `vocabulary` does not contain.
    private mutating func checkVocabulary(
        _ items: [PolicyReader.ListItem]?, _ vocabulary: [String], noun: String, source: String = ""
    ) -> [String] {
        guard let items else { return [] }
        for item in items where !vocabulary.contains(item.value) {
            reader.report(
                .invalidValue, at: item.path, node: item.node,
                "unknown \(noun) \"\(item.value)\" (expected one of \(vocabulary.joined(separator: ", "))\(source))")
        }
        return items.map(\.value)
    }
}
