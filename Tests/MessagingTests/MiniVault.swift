import Foundation
import Policy
import Vault

/// Three people with product views, e-mail addresses and (for two) consent.
enum MiniVault {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func make() throws -> (Vault, URL, [SubjectID]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tresor-mini-\(UUID().uuidString)")
        let policy = try AccessPolicy.load(contentsOf: root.appendingPathComponent("Policies/default.json"))
        var options = Vault.Options(policy: policy)
        options.consentTexts = try ConsentTextLibrary.load(
            directory: root.appendingPathComponent("Policies/consent-texts"))
        options.testClock = true
        options.durability = .normal
        options.clock = FixedClock(VaultTime.parse("2026-11-01T00:00:00Z")!)
        let vault = try Vault.create(at: directory, options: options)
        let writer = Actor(name: "unification", osUser: "test")
        let people = try vault.write(as: writer, purpose: "unification") { w in
            try (0..<3).map { index in
                let id = try w.createSubject(jurisdiction: "gdpr")
                try w.setField("email", of: id, to: .string("p\(index)@example.org"), source: "crm")
                let views = index == 2 ? 1 : 3
                try w.appendEvents(
                    (0..<views).map {
                        NewEvent(
                            subject: id, type: "Product Viewed", at: 1_780_000_000_000 + Int64($0), source: "web",
                            messageID: "m-\(index)-\($0)", properties: Array("{}".utf8))
                    })
                return id
            }
        }
        for index in [0, 2] {
            try vault.recordConsents(
                ["profiling", "marketing.email"].map {
                    ConsentInput(
                        subject: people[index], purpose: $0, status: "granted", source: .webForm,
                        textVersion: "gdpr-en-v2", collectedAt: 1_780_000_000_000)
                }, as: Actor(name: "compliance", osUser: "test"))
        }
        return (vault, directory, people)
    }
}
