import Foundation
import SampleData
import Testing

@Suite struct CustomerFileTests {
    static let header = [
        "source", "source_record_id", "external_id", "email", "phone", "first_name", "last_name", "birth_date",
        "gender", "city", "country", "language", "created_at",
    ]

    @Test(arguments: [SampleDirtLevel.clean, .realistic, .hostile])
    func customersParseWithTheHeaderAndTruthCoversEveryRow(dirt: SampleDirtLevel) throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let options = SampleDataOptions(people: 200, seed: 11, dirt: dirt, eventsPerPerson: 0)
        let summary = try directory.generate(options)
        let customers = try CSVReader.table(at: summary.files.customers)
        let truth = try CSVReader.table(at: summary.files.truth)
        #expect(customers.header == Self.header)
        #expect(truth.header == ["source", "source_record_id", "person_id"])
        let rawRecords = CSVReader.records(try String(contentsOf: summary.files.customers, encoding: .utf8))
        #expect(rawRecords.allSatisfy { $0.count == Self.header.count })

        let owners = Dictionary(
            uniqueKeysWithValues: truth.rows.map { ("\($0["source"]!)/\($0["source_record_id"]!)", $0["person_id"]!) })
        let keys = customers.rows.map { "\($0["source"]!)/\($0["source_record_id"]!)" }
        #expect(Set(keys).count == keys.count, "source record ids repeat")
        #expect(Set(keys) == Set(owners.keys))
        let personIds = Set(SampleDataGenerator.people(options: options).map(\.personId))
        #expect(Set(owners.values) == personIds)
        for row in customers.rows {
            #expect(["crm", "web", "pos", "app"].contains(row["source"]!))
            #expect(row["source_record_id"]!.hasPrefix(row["source"]! + "-"))
            #expect(row["created_at"]! < "2026-11-01T00:00:00.000Z")
        }
    }

    @Test func cleanRecordsHoldCanonicalIdentifiers() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let options = SampleDataOptions(people: 200, seed: 12, dirt: .clean, eventsPerPerson: 0)
        let summary = try directory.generate(options)
        let rows = try CSVReader.table(at: summary.files.customers).rows
        let people = SampleDataGenerator.people(options: options)
        let emails = Set(people.map(\.email))
        let phones = Set(people.map(\.phone))
        for row in rows {
            let email = row["email"]!
            let phone = row["phone"]!
            let birth = row["birth_date"]!
            #expect(email.isEmpty || emails.contains(email))
            #expect(phone.isEmpty || phones.contains(phone))
            #expect(phone.isEmpty || phone.hasPrefix("+"))
            #expect(birth.isEmpty || (birth.count == 10 && birth.dropFirst(4).hasPrefix("-")))
        }
        #expect(people.allSatisfy { $0.sharedIdentifier == nil })
    }

    @Test func realisticRecordsAreMessyButLinkable() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let options = SampleDataOptions(people: 400, seed: 13, dirt: .realistic, eventsPerPerson: 0)
        let summary = try directory.generate(options)
        let rows = try CSVReader.table(at: summary.files.customers).rows
        let emails = rows.map { $0["email"]! }.filter { !$0.isEmpty }
        let phones = rows.map { $0["phone"]! }.filter { !$0.isEmpty }
        #expect(emails.contains { $0.hasPrefix(" ") && $0.hasSuffix(" ") })
        #expect(emails.contains { $0 != $0.lowercased() })
        #expect(phones.contains { $0.hasPrefix("+7 (") })
        #expect(phones.contains { $0.hasPrefix("8 ") })
        #expect(phones.contains { $0.hasPrefix("0049 ") })
        #expect(rows.contains { $0["birth_date"]!.count == 10 && $0["birth_date"]!.dropFirst(2).hasPrefix(".") })
        #expect(rows.contains { $0["first_name"]!.isEmpty || $0["last_name"]!.isEmpty })
    }

    @Test func sharedHouseholdIdentifiersAlwaysComeWithTheExternalId() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let options = SampleDataOptions(people: 1500, seed: 14, dirt: .realistic, eventsPerPerson: 0)
        let summary = try directory.generate(options)
        let people = SampleDataGenerator.people(options: options)
        let sharers = people.filter { $0.sharedIdentifier != nil }
        #expect(sharers.count >= 4)
        #expect(sharers.allSatisfy { $0.externalId != nil })
        let sharedEmails = Set(sharers.filter { $0.sharedIdentifier == .email }.map(\.email))
        #expect(people.filter { sharedEmails.contains($0.email) }.count >= 2 * sharedEmails.count - 1)
        let sharedPhoneDigits = Set(sharers.filter { $0.sharedIdentifier == .phone }.map { digits($0.phone).suffix(9) })
        for row in try CSVReader.table(at: summary.files.customers).rows {
            let email = row["email"]!.trimmingCharacters(in: .whitespaces).lowercased()
            let phone = digits(row["phone"]!).suffix(9)
            if sharedEmails.contains(email) || (!phone.isEmpty && sharedPhoneDigits.contains(phone)) {
                #expect(!row["external_id"]!.isEmpty, "a shared identifier appears without the external id")
            }
        }
    }

    private func digits(_ text: String) -> String {
        String(text.filter(\.isASCII).filter(\.isNumber))
    }
}
