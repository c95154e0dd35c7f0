import Foundation
import SampleData
import Testing

@Suite struct PeopleTests {
    static let people = SampleDataGenerator.people(options: SampleDataOptions(people: 2000, seed: 1))

    @Test func bothJurisdictionsAndAllCountriesArePresent() {
        let people = Self.people
        #expect(people.count == 2000)
        #expect(Set(people.map(\.jurisdiction)) == [.fz152, .gdpr])
        #expect(Set(people.map(\.country)) == ["RU", "KZ", "UA", "BG", "DE", "FR", "PL", "ES", "IE"])
        for person in people {
            let expected: SampleJurisdiction = ["RU", "KZ"].contains(person.country) ? .fz152 : .gdpr
            #expect(person.jurisdiction == expected)
        }
        #expect(Set(people.map(\.behaviour)) == Set(SampleBehaviour.allCases))
    }

    @Test func namesMixScriptsApostrophesHyphensAndDiacritics() {
        let names = Self.people.flatMap { [$0.firstName, $0.lastName] }
        #expect(names.contains { $0.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } })
        #expect(names.contains { $0.unicodeScalars.allSatisfy { $0.value < 0x250 } })
        #expect(names.contains { $0.contains("'") || $0.contains("’") })
        #expect(names.contains { $0.contains("-") })
        #expect(names.contains { $0.contains("ё") })
        #expect(names.contains { $0.contains("ü") || $0.contains("é") || $0.contains("ł") || $0.contains("á") })
    }

    @Test func identifiersAreUniqueExceptHouseholdShares() {
        let people = Self.people
        let externalIds = people.compactMap(\.externalId)
        #expect(Set(externalIds).count == externalIds.count)
        #expect(externalIds.allSatisfy { $0.hasPrefix("C") && $0.count == 13 })
        let ratio = Double(externalIds.count) / Double(people.count)
        #expect(ratio > 0.7 && ratio < 0.9)
        let unsharedEmails = people.filter { $0.sharedIdentifier != .email }.map(\.email)
        #expect(Set(unsharedEmails).count == unsharedEmails.count)
        let unsharedPhones = people.filter { $0.sharedIdentifier != .phone }.map(\.phone)
        #expect(Set(unsharedPhones).count == unsharedPhones.count)
        #expect(Set(people.map(\.personId)).count == people.count)
        #expect(people.allSatisfy { $0.email == $0.email.lowercased() && $0.email.contains("@") })
        #expect(people.allSatisfy { $0.phone.hasPrefix("+") && $0.phone.dropFirst().allSatisfy(\.isNumber) })
    }

    @Test func datesAndLanguagesAreConsistent() {
        let reference = SampleDataOptions.defaultReferenceTime
        let languages: [String: String] = [
            "RU": "ru", "KZ": "ru", "UA": "uk", "BG": "bg", "DE": "de", "FR": "fr", "PL": "pl", "ES": "es", "IE": "en",
        ]
        for person in Self.people {
            #expect(person.createdAt < reference)
            #expect(person.createdAt > reference.addingTimeInterval(-731 * 86_400))
            #expect(languages[person.country] == person.language)
            #expect(person.birthDate.count == 10)
            let year = Int(person.birthDate.prefix(4)) ?? 0
            #expect(year >= 1945 && year <= 2012)
            #expect((1...3).contains(person.anonymousIds.count))
            #expect(person.consentTextVersion.hasPrefix("\(person.jurisdiction.rawValue)-\(person.language)-v"))
        }
    }

    @Test func invalidOptionsGiveNoPeople() {
        #expect(SampleDataGenerator.people(options: SampleDataOptions(people: -1)).isEmpty)
        #expect(SampleDataGenerator.people(options: SampleDataOptions(people: 0)).isEmpty)
    }
}
