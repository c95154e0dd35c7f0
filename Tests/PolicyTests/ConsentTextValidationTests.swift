import Foundation
import Policy
import Testing

@Suite struct ConsentTextValidationTests {
    /// A deliberately broken 152-FZ text: several problems, all of which must be reported.
    static let brokenText = """
        {
          "id": "152fz-ru-v1",
          "version": 2,
          "jurisdiction": "152fz",
          "language": "ru",
          "title": "Согласие",
          "purposes": ["marketing.email", "marketing.fax"],
          "operator": { "name": "Example Retail LLC" },
          "actions": ["collection"],
          "processingMethods": ["automated"],
          "validity": "До отзыва.",
          "withdrawal": "",
          "separateDocument": false,
          "body": "Текст.",
          "signature": "n/a"
        }
        """

    @Test func brokenTextReportsEveryProblem() throws {
        let error = try #require(
            ConsentTextFixtures.loadError(files: [("152fz-ru-v1.json", Data(Self.brokenText.utf8))]))
        let expected: [String] = [
            "152fz-ru-v1.json: $.thirdParties: missing — 152-FZ Art. 9(4)(6) requires the name and address of each"
                + " person processing the data on the operator's behalf (write \"thirdParties\": [] when there is"
                + " none)",
            "152fz-ru-v1.json: $.dataCategories: missing — 152-FZ Art. 9(4)(5) requires the list of personal data",
            "152fz-ru-v1.json: $.version: version 2 does not match the id suffix \"-v1\"",
            "152fz-ru-v1.json: $.purposes[1]: unknown consent purpose \"marketing.fax\" (the policy's"
                + " consentPurposes do not list it)",
            "152fz-ru-v1.json: $.operator.address: missing — 152-FZ Art. 9(4)(3) requires the operator's name and"
                + " address",
            "152fz-ru-v1.json: $.withdrawal: empty — 152-FZ Art. 9(4)(8) requires the way to withdraw the consent",
            "152fz-ru-v1.json: $.separateDocument: must be true — 152-FZ Art. 9(1) as amended by Federal Law No."
                + " 156-FZ of 24 June 2025 requires the consent to be a separate document, not part of another"
                + " agreement",
            "152fz-ru-v1.json: $.signature: unknown key \"signature\" (expected one of \"id\", \"version\","
                + " \"jurisdiction\", \"language\", \"purposes\", \"title\", \"body\", \"operator\", \"controller\","
                + " \"dataCategories\", \"actions\", \"processingMethods\", \"thirdParties\", \"validity\","
                + " \"withdrawal\", \"separateDocument\", \"rightToWithdraw\")",
        ]
        #expect(error.description.split(separator: "\n").map(String.init) == expected)
        #expect(error.issues.compactMap(\.line) == [1, 1, 3, 7, 8, 12, 13, 15])
    }

    @Test func duplicateIDAcrossFilesIsRefused() throws {
        let text = ConsentTextFixtures.data(ConsentTextFixtures.fz152())
        let error = try #require(
            ConsentTextFixtures.loadError(files: [("152fz-ru-v1.json", text), ("152fz-ru-v1.json", text)]))
        #expect(error.fileName == "152fz-ru-v1.json")
        #expect(error.issues(withCode: .duplicateName).map(\.path) == ["$.id"])
        #expect(
            error.issues.map(\.message) == ["consent text id \"152fz-ru-v1\" is already defined in 152fz-ru-v1.json"])
    }

    @Test func duplicateIDInAFileWithAnotherNameIsRefused() throws {
        let files = [
            ("152fz-ru-v1.json", ConsentTextFixtures.data(ConsentTextFixtures.fz152())),
            ("152fz-ru-v1-copy.json", ConsentTextFixtures.data(ConsentTextFixtures.fz152())),
        ]
        let error = try #require(ConsentTextFixtures.loadError(files: files))
        #expect(error.fileName == "152fz-ru-v1-copy.json")
        #expect(error.issues.map(\.code).sorted { $0.rawValue < $1.rawValue } == [.duplicateName, .invalidValue])
        #expect(error.issues.contains { $0.message.hasPrefix("id \"152fz-ru-v1\" does not match the file name") })
    }

    @Test func idMustMatchTheFileName() throws {
        let error = try #require(
            ConsentTextFixtures.loadError(
                ConsentTextFixtures.fz152(id: "152fz-ru-v2", version: 2), name: "152fz-ru-v1.json"))
        #expect(
            error.description
                == "152fz-ru-v1.json: $.id: id \"152fz-ru-v2\" does not match the file name (expected \"152fz-ru-v1\""
                + " or a file named \"152fz-ru-v2.json\")")
    }

    @Test func idMustEndWithTheVersion() throws {
        let error = try #require(
            ConsentTextFixtures.loadError(
                ConsentTextFixtures.fz152(id: "152fz-ru-latest"), name: "152fz-ru-latest.json"))
        #expect(error.issues.map(\.message) == ["id \"152fz-ru-latest\" must end with \"-v<version>\", e.g. \"-v1\""])
    }

    @Test func idMustStartWithTheJurisdiction() throws {
        let error = try #require(
            ConsentTextFixtures.loadError(ConsentTextFixtures.fz152(id: "gdpr-ru-v1"), name: "gdpr-ru-v1.json"))
        #expect(error.issues.map(\.message) == ["id \"gdpr-ru-v1\" must start with its jurisdiction: \"152fz-\""])
    }

    @Test func versionMustBePositive() throws {
        let error = try #require(
            ConsentTextFixtures.loadError(
                ConsentTextFixtures.fz152(id: "152fz-ru-v0", version: 0), name: "152fz-ru-v0.json"))
        #expect(error.issues.map(\.path) == ["$.version"])
        #expect(error.issues.map(\.message) == ["must be at least 1"])
    }

    @Test func unknownPurposeIsRefusedOnlyWithAList() throws {
        let document = ConsentTextFixtures.editing(
            ConsentTextFixtures.gdpr(), at: ["purposes"], setting: ["newsletter"])
        let error = try #require(ConsentTextFixtures.loadError(document, name: "gdpr-de-v1.json"))
        #expect(error.issues.map(\.code) == [.unknownConsentPurpose])
        #expect(error.issues.map(\.path) == ["$.purposes[0]"])
        let library = try ConsentTextLibrary.load(files: [("gdpr-de-v1.json", ConsentTextFixtures.data(document))])
        #expect(library.text(id: "gdpr-de-v1")?.purposes == ["newsletter"])
    }

    @Test func syntaxErrorAndDuplicateKeyAreReported() throws {
        let syntax = try #require(ConsentTextFixtures.loadError(files: [("a.json", Data("{\"id\": }".utf8))]))
        #expect(syntax.issues.map(\.code) == [.syntax])
        let doubled = Data(
            String(decoding: ConsentTextFixtures.data(ConsentTextFixtures.gdpr()), as: UTF8.self)
                .replacingOccurrences(of: "\"body\"", with: "\"title\" : \"Zweiter Titel\",\n  \"body\"").utf8)
        let duplicate = try #require(ConsentTextFixtures.loadError(files: [("gdpr-de-v1.json", doubled)]))
        #expect(duplicate.issues.map(\.code) == [.duplicateKey])
        #expect(duplicate.issues.map(\.path) == ["$.title"])
    }

    @Test func problemsInSeveralFilesNameEachFile() throws {
        let files = [
            (
                "152fz-ru-v1.json",
                ConsentTextFixtures.data(
                    ConsentTextFixtures.editing(ConsentTextFixtures.fz152(), at: ["dataCategories"]))
            ),
            (
                "gdpr-de-v1.json",
                ConsentTextFixtures.data(
                    ConsentTextFixtures.editing(ConsentTextFixtures.gdpr(), at: ["rightToWithdraw"]))
            ),
        ]
        let error = try #require(ConsentTextFixtures.loadError(files: files))
        #expect(error.fileName == "consent-texts")
        #expect(
            error.issues.map(\.path) == ["152fz-ru-v1.json: $.dataCategories", "gdpr-de-v1.json: $.rightToWithdraw"])
        #expect(error.description.hasPrefix("consent-texts: 152fz-ru-v1.json: $.dataCategories: missing — 152-FZ"))

        let perFile = ConsentTextLibrary.validate(files: files, knownPurposes: ConsentTextFixtures.knownPurposes)
        #expect(perFile.map(\.fileName) == ["152fz-ru-v1.json", "gdpr-de-v1.json"])
        #expect(perFile.map { $0.issues.map(\.path) } == [["$.dataCategories"], ["$.rightToWithdraw"]])
    }

    @Test func validateReturnsNothingForTheShippedTexts() throws {
        let folder = ConsentTextFixtures.shippedFolder
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        let files = try names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }
        #expect(files.count == 17)
        #expect(ConsentTextLibrary.validate(files: files, knownPurposes: ConsentTextFixtures.knownPurposes).isEmpty)
    }
}
