import Foundation
import Policy
import Testing

/// One item of 152-FZ Art. 9(4) removed or emptied from a valid text, and how the validator must name it.
struct FZ152Case: Sendable, CustomTestStringConvertible {
    /// The keys leading to the item.
    let keys: [String]
    /// The JSON path the issue must have.
    let path: String
    /// The article that requires the item.
    let article: String
    /// The item in words.
    let item: String

    var testDescription: String { path }
}

@Suite struct ConsentTextFZ152Tests {
    static let items: [FZ152Case] = [
        FZ152Case(
            keys: ["operator", "name"], path: "$.operator.name", article: "152-FZ Art. 9(4)(3)",
            item: "the operator's name and address"),
        FZ152Case(
            keys: ["operator", "address"], path: "$.operator.address", article: "152-FZ Art. 9(4)(3)",
            item: "the operator's name and address"),
        FZ152Case(
            keys: ["purposes"], path: "$.purposes", article: "152-FZ Art. 9(4)(4)", item: "the purpose of processing"),
        FZ152Case(
            keys: ["dataCategories"], path: "$.dataCategories", article: "152-FZ Art. 9(4)(5)",
            item: "the list of personal data"),
        FZ152Case(
            keys: ["thirdParties"], path: "$.thirdParties", article: "152-FZ Art. 9(4)(6)",
            item: "the name and address of each person processing the data on the operator's behalf"),
        FZ152Case(
            keys: ["actions"], path: "$.actions", article: "152-FZ Art. 9(4)(7)",
            item: "the list of actions with the personal data"),
        FZ152Case(
            keys: ["processingMethods"], path: "$.processingMethods", article: "152-FZ Art. 9(4)(7)",
            item: "a general description of the methods of processing"),
        FZ152Case(
            keys: ["validity"], path: "$.validity", article: "152-FZ Art. 9(4)(8)",
            item: "the term of validity of the consent"),
        FZ152Case(
            keys: ["withdrawal"], path: "$.withdrawal", article: "152-FZ Art. 9(4)(8)",
            item: "the way to withdraw the consent"),
    ]

    /// The items whose value can be emptied (the `thirdParties` list may be empty: it means "none").
    static let emptiableItems = items.filter { $0.keys != ["thirdParties"] }

    @Test(arguments: items)
    func missingItemIsRefusedAndNamed(_ item: FZ152Case) throws {
        let document = ConsentTextFixtures.editing(ConsentTextFixtures.fz152(), at: item.keys)
        let error = try #require(ConsentTextFixtures.loadError(document, name: "152fz-ru-v1.json"))
        #expect(error.fileName == "152fz-ru-v1.json")
        #expect(error.issues.count == 1)
        let issue = try #require(error.issues.first)
        #expect(issue.code == .missingKey)
        #expect(issue.path == item.path)
        #expect(issue.message.hasPrefix("missing — \(item.article) requires \(item.item)"))
    }

    @Test(arguments: emptiableItems)
    func emptyItemIsRefusedAndNamed(_ item: FZ152Case) throws {
        let isList = ["purposes", "dataCategories", "actions", "processingMethods"].contains(item.keys[0])
        let empty: Any = isList ? [String]() : "  "
        let document = ConsentTextFixtures.editing(ConsentTextFixtures.fz152(), at: item.keys, setting: empty)
        let error = try #require(ConsentTextFixtures.loadError(document, name: "152fz-ru-v1.json"))
        #expect(error.issues.map(\.path) == [item.path])
        #expect(error.issues.first?.code == .invalidValue)
        #expect(error.issues.first?.message == "empty — \(item.article) requires \(item.item)")
    }

    @Test func missingOperatorAddressMessageReadsInFull() throws {
        let document = ConsentTextFixtures.editing(ConsentTextFixtures.fz152(), at: ["operator", "address"])
        let error = try #require(ConsentTextFixtures.loadError(document, name: "152fz-ru-v1.json"))
        #expect(
            error.description
                == "152fz-ru-v1.json: $.operator.address: missing — 152-FZ Art. 9(4)(3) requires the operator's name"
                + " and address")
    }

    @Test func missingOperatorObjectIsNamed() throws {
        let document = ConsentTextFixtures.editing(ConsentTextFixtures.fz152(), at: ["operator"])
        let error = try #require(ConsentTextFixtures.loadError(document, name: "152fz-ru-v1.json"))
        #expect(error.issues.map(\.path) == ["$.operator"])
        #expect(error.issues.first?.message.contains("152-FZ Art. 9(4)(3)") == true)
    }

    @Test func emptyThirdPartiesListMeansNone() throws {
        let document = ConsentTextFixtures.editing(ConsentTextFixtures.fz152(), at: ["thirdParties"], setting: [Any]())
        let library = try ConsentTextLibrary.load(files: [("152fz-ru-v1.json", ConsentTextFixtures.data(document))])
        #expect(library.text(id: "152fz-ru-v1")?.thirdParties == [])
    }

    @Test(arguments: ["name", "address"])
    func thirdPartyWithoutNameOrAddressIsRefused(_ key: String) throws {
        let party: [String: Any] = key == "name" ? ["address": "5 Sample Lane"] : ["name": "Example Mail Delivery Ltd"]
        let document = ConsentTextFixtures.editing(ConsentTextFixtures.fz152(), at: ["thirdParties"], setting: [party])
        let error = try #require(ConsentTextFixtures.loadError(document, name: "152fz-ru-v1.json"))
        #expect(error.issues.map(\.path) == ["$.thirdParties[0].\(key)"])
        #expect(
            error.issues.first?.message
                == "missing — 152-FZ Art. 9(4)(6) requires the name and address of each person processing the data on"
                + " the operator's behalf")
    }

    @Test func separateDocumentFalseIsRefused() throws {
        let document = ConsentTextFixtures.editing(
            ConsentTextFixtures.fz152(), at: ["separateDocument"], setting: false)
        let error = try #require(ConsentTextFixtures.loadError(document, name: "152fz-ru-v1.json"))
        #expect(error.issues.map(\.path) == ["$.separateDocument"])
        #expect(error.issues.first?.code == .invalidValue)
        #expect(
            error.issues.first?.message
                == "must be true — 152-FZ Art. 9(1) as amended by Federal Law No. 156-FZ of 24 June 2025 requires"
                + " the consent to be a separate document, not part of another agreement")
    }

    @Test func separateDocumentAbsentIsRefused() throws {
        let document = ConsentTextFixtures.editing(ConsentTextFixtures.fz152(), at: ["separateDocument"])
        let error = try #require(ConsentTextFixtures.loadError(document, name: "152fz-ru-v1.json"))
        #expect(error.issues.map(\.code) == [.missingKey])
        #expect(error.issues.first?.message.hasPrefix("missing — 152-FZ Art. 9(1)") == true)
    }

    @Test func actionsAndMethodsUseTheVocabulary() throws {
        var document = ConsentTextFixtures.editing(
            ConsentTextFixtures.fz152(), at: ["actions"], setting: ["collection", "harvesting"])
        document = ConsentTextFixtures.editing(document, at: ["processingMethods"], setting: ["manual"])
        let error = try #require(ConsentTextFixtures.loadError(document, name: "152fz-ru-v1.json"))
        #expect(error.issues.map(\.path) == ["$.actions[1]", "$.processingMethods[0]"])
        #expect(
            error.issues.first?.message.hasPrefix("unknown action \"harvesting\" (expected one of collection,") == true)
        #expect(
            error.issues.last?.message
                == "unknown processing method \"manual\" (expected one of automated, non-automated, mixed)")
    }

    @Test func otherJurisdictionsNeedOnlyTheCommonItems() throws {
        let document: [String: Any] = [
            "id": "lgpd-pt-v1", "version": 1, "jurisdiction": "lgpd", "language": "pt", "title": "Consentimento",
            "purposes": ["analytics"], "body": "Texto.",
        ]
        let library = try ConsentTextLibrary.load(files: [("lgpd-pt-v1.json", ConsentTextFixtures.data(document))])
        let text = try #require(library.text(id: "lgpd-pt-v1"))
        #expect(text.dataOperator == nil && text.controller == nil && text.validity == nil)
        #expect(!text.separateDocument)
    }
}
