import Foundation
import SampleData
import Testing

@Suite struct ConsentTests {
    @Test func textVersionsCoverEveryJurisdictionAndLanguage() {
        let versions = SampleData.consentTextVersions
        let ids = versions.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("152fz-ru-v2"))
        #expect(ids.contains("gdpr-en-v1"))
        for version in versions {
            #expect(version.id == "\(version.jurisdiction.rawValue)-\(version.language)-v\(version.version)")
            #expect(version.purposes.contains("marketing.email"))
        }
        #expect(Set(versions.map(\.language)) == ["ru", "uk", "bg", "de", "fr", "pl", "es", "en"])
        #expect(versions.filter { $0.jurisdiction == .fz152 }.map(\.language) == ["ru", "ru"])
    }

    @Test func consentsReferToKnownVersionsPeopleAndPurposes() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let options = SampleDataOptions(people: 300, seed: 41, eventsPerPerson: 0)
        let summary = try directory.generate(options)
        let versions = Dictionary(uniqueKeysWithValues: SampleData.consentTextVersions.map { ($0.id, $0) })
        let people = SampleDataGenerator.people(options: options)
        let byExternalId = Dictionary(uniqueKeysWithValues: people.compactMap { p in p.externalId.map { ($0, p) } })
        let byEmail = Dictionary(
            people.filter { $0.externalId == nil }.map { ($0.email, $0) }, uniquingKeysWith: { first, _ in first })
        var statuses: Set<String> = []
        var jurisdictions: Set<String> = []
        for line in try lines(of: summary.files.consents) {
            let consent = try #require(jsonObject(line))
            let version = try #require(versions[consent["consent_text_version"] as? String ?? ""])
            let purpose = try #require(consent["purpose"] as? String)
            #expect(version.purposes.contains(purpose))
            #expect(consent["jurisdiction"] as? String == version.jurisdiction.rawValue)
            #expect(consent["lawful_basis"] as? String == "consent")
            #expect((consent["at"] as? String ?? "z") < "2026-11-01T00:00:00.000Z")
            let person: SamplePerson? =
                if let id = consent["external_id"] as? String { byExternalId[id] } else {
                    byEmail[consent["email"] as? String ?? ""]
                }
            let owner = try #require(person, "consent keyed by an unknown identifier")
            #expect(owner.consentTextVersion == version.id)
            statuses.insert(consent["status"] as? String ?? "")
            jurisdictions.insert(version.jurisdiction.rawValue)
        }
        #expect(statuses == ["granted", "withdrawn"])
        #expect(jurisdictions == ["152fz", "gdpr"])
    }
}
