import Foundation
import Policy
import Testing

@Suite struct ConsentTextGDPRTests {
    @Test func validTextLoads() throws {
        let library = try ConsentTextLibrary.load(files: [
            ("gdpr-de-v1.json", ConsentTextFixtures.data(ConsentTextFixtures.gdpr()))
        ])
        let text = try #require(library.text(id: "gdpr-de-v1"))
        #expect(text.controller == DataOperator(name: "Example Retail LLC", address: "", contact: "dpo@example.org"))
        #expect(text.rightToWithdraw == "Sie können Ihre Einwilligung jederzeit widerrufen.")
        #expect(text.purposes == ["marketing.email"])
    }

    @Test func missingRightToWithdrawIsRefused() throws {
        let document = ConsentTextFixtures.editing(ConsentTextFixtures.gdpr(), at: ["rightToWithdraw"])
        let error = try #require(ConsentTextFixtures.loadError(document, name: "gdpr-de-v1.json"))
        #expect(
            error.description
                == "gdpr-de-v1.json: $.rightToWithdraw: missing — GDPR Art. 7(3) requires informing the data subject"
                + " of the right to withdraw consent at any time")
        #expect(error.issues.map(\.code) == [.missingKey])
    }

    @Test func blankRightToWithdrawIsRefused() throws {
        let document = ConsentTextFixtures.editing(ConsentTextFixtures.gdpr(), at: ["rightToWithdraw"], setting: "")
        let error = try #require(ConsentTextFixtures.loadError(document, name: "gdpr-de-v1.json"))
        #expect(error.issues.map(\.code) == [.invalidValue])
        #expect(error.issues.first?.message.hasPrefix("empty — GDPR Art. 7(3)") == true)
    }

    @Test func missingControllerIsRefused() throws {
        let document = ConsentTextFixtures.editing(ConsentTextFixtures.gdpr(), at: ["controller"])
        let error = try #require(ConsentTextFixtures.loadError(document, name: "gdpr-de-v1.json"))
        #expect(error.issues.map(\.path) == ["$.controller"])
        #expect(error.issues.first?.message.hasPrefix("missing — GDPR Art. 4(11) and Recital 42 requires") == true)
    }

    @Test func controllerWithoutNameIsRefused() throws {
        let document = ConsentTextFixtures.editing(ConsentTextFixtures.gdpr(), at: ["controller", "name"])
        let error = try #require(ConsentTextFixtures.loadError(document, name: "gdpr-de-v1.json"))
        #expect(error.issues.map(\.path) == ["$.controller.name"])
    }

    @Test func operatorServesAsController() throws {
        var document = ConsentTextFixtures.editing(ConsentTextFixtures.gdpr(), at: ["controller"])
        document["operator"] = ["name": "Example Retail LLC", "address": "1 Example Street"]
        let library = try ConsentTextLibrary.load(files: [("gdpr-de-v1.json", ConsentTextFixtures.data(document))])
        let text = try #require(library.text(id: "gdpr-de-v1"))
        #expect(text.controller == DataOperator(name: "Example Retail LLC", address: "1 Example Street"))
        #expect(text.dataOperator == text.controller)
    }

    @Test func emptyPurposesAreRefused() throws {
        let document = ConsentTextFixtures.editing(ConsentTextFixtures.gdpr(), at: ["purposes"], setting: [String]())
        let error = try #require(ConsentTextFixtures.loadError(document, name: "gdpr-de-v1.json"))
        #expect(
            error.issues.map(\.message) == ["empty — GDPR Art. 6(1)(a) requires the specific purposes of processing"])
    }

    @Test(arguments: [("Deutsch", "$.language"), ("xx", "$.language"), ("DE", "$.language")])
    func languageMustBeISO6391(_ language: String, _ path: String) throws {
        let document = ConsentTextFixtures.editing(ConsentTextFixtures.gdpr(), at: ["language"], setting: language)
        let error = try #require(ConsentTextFixtures.loadError(document, name: "gdpr-de-v1.json"))
        #expect(error.issues.map(\.path) == [path])
        #expect(error.issues.first?.message.contains("is not an ISO 639-1 language code") == true)
    }

    @Test func missingLanguageCitesArticle7() throws {
        let document = ConsentTextFixtures.editing(ConsentTextFixtures.gdpr(), at: ["language"])
        let error = try #require(ConsentTextFixtures.loadError(document, name: "gdpr-de-v1.json"))
        #expect(error.issues.map(\.path) == ["$.language"])
        #expect(error.issues.first?.message.hasPrefix("missing — GDPR Art. 7(2) requires") == true)
    }

    @Test func gdprDoesNotRequire152FZItems() throws {
        let text = try #require(
            try ConsentTextLibrary.load(files: [
                ("gdpr-de-v1.json", ConsentTextFixtures.data(ConsentTextFixtures.gdpr()))
            ]).texts.first)
        #expect(text.dataCategories.isEmpty && text.actions.isEmpty && text.thirdParties.isEmpty)
        #expect(!text.separateDocument && text.validity == nil)
    }
}
