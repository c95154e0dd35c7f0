import Foundation
import SampleData
import Testing

@Suite struct DeterminismTests {
    static let fileNames = [
        "customers.csv", "truth.csv", "events.ndjson", "consents.ndjson", "products.csv", "manifest.json",
    ]

    @Test func sameOptionsGiveIdenticalBytes() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let options = SampleDataOptions(people: 120, seed: 42, dirt: .hostile, eventsPerPerson: 0.7)
        _ = try directory.generate(options, subdirectory: "a")
        _ = try directory.generate(options, subdirectory: "b")
        for name in Self.fileNames {
            let first = try bytes(of: directory.url.appendingPathComponent("a/\(name)"))
            let second = try bytes(of: directory.url.appendingPathComponent("b/\(name)"))
            #expect(!first.isEmpty, "\(name) is empty")
            #expect(first == second, "\(name) differs between two runs")
        }
    }

    @Test func differentSeedsGiveDifferentData() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        _ = try directory.generate(SampleDataOptions(people: 50, seed: 1), subdirectory: "a")
        _ = try directory.generate(SampleDataOptions(people: 50, seed: 2), subdirectory: "b")
        for name in ["customers.csv", "truth.csv", "events.ndjson", "consents.ndjson", "products.csv"] {
            let first = try bytes(of: directory.url.appendingPathComponent("a/\(name)"))
            let second = try bytes(of: directory.url.appendingPathComponent("b/\(name)"))
            #expect(first != second, "\(name) is the same for seeds 1 and 2")
        }
    }

    @Test func peopleAreStableAndSeedDependent() {
        let first = SampleDataGenerator.people(options: SampleDataOptions(people: 30, seed: 9))
        let again = SampleDataGenerator.people(options: SampleDataOptions(people: 30, seed: 9))
        let other = SampleDataGenerator.people(options: SampleDataOptions(people: 30, seed: 10))
        #expect(first == again)
        #expect(first.map(\.email) != other.map(\.email))
    }

    @Test func aPrefixOfPeopleDoesNotDependOnTheTotal() {
        let small = SampleDataGenerator.people(options: SampleDataOptions(people: 20, seed: 5))
        let large = SampleDataGenerator.people(options: SampleDataOptions(people: 60, seed: 5))
        #expect(Array(large.prefix(20)) == small)
    }
}
