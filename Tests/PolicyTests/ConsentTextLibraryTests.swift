import Foundation
import Policy
import Testing

@Suite struct ConsentTextLibraryTests {
    static let shippedIDs =
        ["152fz-ru-v1", "152fz-ru-v2"]
        + ["uk", "bg", "de", "fr", "pl", "es", "en"].flatMap {
            ["gdpr-\($0)-v1", "gdpr-\($0)-v2"]
        } + ["gdpr-en-cmp-v1"]

    @Test func shippedFolderLoadsWithoutProblems() throws {
        let library = try ConsentTextLibrary.load(
            directory: ConsentTextFixtures.shippedFolder, knownPurposes: ConsentTextFixtures.knownPurposes)
        #expect(Set(library.texts.map(\.id)) == Set(Self.shippedIDs))
        #expect(library.texts.count == 17)
        #expect(library.texts.map(\.id) == library.texts.map(\.id).sorted())
    }

    @Test func shippedTextsFollowTheSampleDataCatalog() throws {
        let library = try ConsentTextLibrary.load(directory: ConsentTextFixtures.shippedFolder)
        let versionOne = ["marketing.email", "marketing.sms", "marketing.push", "analytics"]
        // The consent-management-platform notice (for `tresor consent tcf`) is not part of the catalog.
        for text in library.texts where !text.id.contains("-cmp-") {
            let parts = text.id.split(separator: "-").map(String.init)
            #expect(text.jurisdiction == parts[0])
            #expect(text.language == parts[1])
            #expect(
                Set(text.purposes)
                    == Set(text.version == 1 ? versionOne : versionOne + ["marketing.viber", "profiling"]))
            #expect(text.controller?.name == "Example Retail LLC")
            #expect(text.controller?.address == "1 Example Street, 101000 Moscow, Russia")
            #expect(text.thirdParties.map(\.name) == ["Example Mail Delivery Ltd"])
            #expect(text.separateDocument)
            let words = text.body.split(whereSeparator: \.isWhitespace).count
            #expect((150...300).contains(words), "\(text.id) has \(words) words")
            #expect(text.body.contains("Example Retail LLC"))
            #expect(text.body.contains("Example Mail Delivery Ltd"))
            #expect(text.body.contains(text.withdrawal ?? "<no withdrawal>"))
            #expect(text.body.contains(text.validity ?? "<no validity>"))
            if text.jurisdiction == "gdpr" { #expect(text.body.contains(text.rightToWithdraw ?? "<none>")) }
        }
        let russian = try #require(library.text(id: "152fz-ru-v2"))
        #expect(
            russian.dataOperator
                == DataOperator(
                    name: "Example Retail LLC", address: "1 Example Street, 101000 Moscow, Russia",
                    contact: "dpo@example.org"))
        #expect(russian.title.hasPrefix("Согласие"))
        #expect(russian.processingMethods == ["mixed"])
    }

    @Test func documentBytesAreTheExactFileBytes() throws {
        let library = try ConsentTextLibrary.load(directory: ConsentTextFixtures.shippedFolder)
        let text = try #require(library.text(id: "gdpr-pl-v2"))
        let file = ConsentTextFixtures.shippedFolder.appendingPathComponent("gdpr-pl-v2.json")
        #expect(text.documentBytes == [UInt8](try Data(contentsOf: file)))
    }

    @Test func loadFromMemoryKeepsTheGivenOrder() throws {
        let library = try ConsentTextLibrary.load(files: [
            ("gdpr-de-v1.json", ConsentTextFixtures.data(ConsentTextFixtures.gdpr())),
            ("152fz-ru-v1.json", ConsentTextFixtures.data(ConsentTextFixtures.fz152())),
        ])
        #expect(library.texts.map(\.id) == ["gdpr-de-v1", "152fz-ru-v1"])
        #expect(library.text(id: "152fz-ru-v1")?.thirdParties.first?.role == "processor")
        #expect(library.text(id: "nope") == nil)
    }

    @Test func coverageOfAKnownTextIsNil() throws {
        let library = try ConsentTextLibrary.load(directory: ConsentTextFixtures.shippedFolder)
        #expect(
            library.validateCoverage(textID: "152fz-ru-v2", purpose: "marketing.viber", jurisdiction: "152fz") == nil)
        #expect(library.validateCoverage(textID: "gdpr-es-v1", purpose: "analytics", jurisdiction: "gdpr") == nil)
    }

    @Test func coverageReasons() throws {
        let library = try ConsentTextLibrary.load(directory: ConsentTextFixtures.shippedFolder)
        #expect(
            library.validateCoverage(textID: "152fz-ru-v3", purpose: "marketing.email", jurisdiction: "152fz")
                == "unknown consent text version 152fz-ru-v3")
        #expect(
            library.validateCoverage(textID: "152fz-ru-v1", purpose: "profiling", jurisdiction: "152fz")
                == "text 152fz-ru-v1 does not cover purpose profiling")
        #expect(
            library.validateCoverage(textID: "152fz-ru-v2", purpose: "marketing.email", jurisdiction: "gdpr")
                == "text 152fz-ru-v2 is for jurisdiction 152fz, not gdpr")
        #expect(
            library.validateCoverage(textID: "gdpr-en-v1", purpose: "marketing.viber", jurisdiction: "gdpr")
                == "text gdpr-en-v1 does not cover purpose marketing.viber")
    }

    @Test func missingFolderIsRefused() {
        let folder = ConsentTextFixtures.shippedFolder.appendingPathComponent("no-such-folder")
        #expect(throws: PolicyError.self) { try ConsentTextLibrary.load(directory: folder) }
        do {
            _ = try ConsentTextLibrary.load(directory: folder)
        } catch {
            #expect(error.description == "no-such-folder: $: cannot read the consent text folder")
            #expect(error.issues.map(\.code) == [.unreadableFile])
        }
    }

    @Test func folderWithoutTextsIsRefused() {
        // The sources of this feature: a folder that exists and holds no *.json file.
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Policy/ConsentTexts")
        do {
            _ = try ConsentTextLibrary.load(directory: folder)
            Issue.record("an empty folder loaded")
        } catch {
            #expect(error.description == "ConsentTexts: $: the folder contains no consent texts (*.json files)")
        }
    }
}
