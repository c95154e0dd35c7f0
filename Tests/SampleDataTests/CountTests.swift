import Foundation
import SampleData
import Testing

@Suite struct CountTests {
    @Test(arguments: [SampleDirtLevel.clean, .realistic, .hostile])
    func summaryCountsMatchTheFiles(dirt: SampleDirtLevel) throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let summary = try directory.generate(SampleDataOptions(people: 150, seed: 3, dirt: dirt))
        let files = summary.files
        #expect(summary.people == 150)
        #expect(summary.customers >= 150 && summary.customers <= 450)
        #expect(summary.events > 150 * 10)
        #expect(summary.consents > 0)
        #expect(summary.products == 2000)

        let customers = CSVReader.records(try String(contentsOf: files.customers, encoding: .utf8))
        #expect(customers.count == summary.customers + 1)
        #expect(try lines(of: files.truth).count == summary.customers + 1)
        #expect(try lines(of: files.events).count == summary.events + summary.malformedEventLines)
        #expect(try lines(of: files.consents).count == summary.consents)
        #expect(try lines(of: files.products).count == summary.products + 1)
        if dirt != .hostile { #expect(summary.malformedEventLines == 0) }
    }

    @Test func manifestRecordsArgumentsCountsAndSizes() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let options = SampleDataOptions(people: 40, seed: 8, dirt: .clean, eventsPerPerson: 1.5)
        let summary = try directory.generate(options)
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: summary.files.manifest)) as? [String: Any])
        let arguments = try #require(manifest["arguments"] as? [String: Any])
        #expect(arguments["people"] as? Int == 40)
        #expect(arguments["seed"] as? Int == 8)
        #expect(arguments["dirty"] as? Int == 0)
        #expect(arguments["events_per_person"] as? Double == 1.5)
        #expect(manifest["reference_time"] as? String == "2026-11-01T00:00:00.000Z")
        let counts = try #require(manifest["counts"] as? [String: Any])
        #expect(counts["customers"] as? Int == summary.customers)
        #expect(counts["events"] as? Int == summary.events)
        #expect(counts["consents"] as? Int == summary.consents)
        #expect(counts["people"] as? Int == 40)
        let sizes = try #require(manifest["bytes"] as? [String: Int])
        #expect(sizes["events.ndjson"] == (try bytes(of: summary.files.events)).count)
        #expect(sizes["customers.csv"] == (try bytes(of: summary.files.customers)).count)
    }

    @Test func eventsScaleWithEventsPerPerson() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let none = try directory.generate(SampleDataOptions(people: 60, seed: 4, eventsPerPerson: 0), subdirectory: "0")
        let one = try directory.generate(SampleDataOptions(people: 60, seed: 4, eventsPerPerson: 1), subdirectory: "1")
        let three = try directory.generate(
            SampleDataOptions(people: 60, seed: 4, eventsPerPerson: 3), subdirectory: "3")
        #expect(none.events == 0)
        #expect(one.events > 60 * 15 && one.events < 60 * 90)
        #expect(Double(three.events) > 2.4 * Double(one.events))
        #expect(Double(three.events) < 3.6 * Double(one.events))
        #expect(none.customers == one.customers && one.consents == three.consents)
    }
}
