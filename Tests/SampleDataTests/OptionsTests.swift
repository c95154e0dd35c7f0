import Foundation
import SampleData
import Testing

@Suite struct OptionsTests {
    @Test func defaultsMatchThePythonGenerator() {
        let options = SampleDataOptions(people: 10)
        #expect(options.seed == 1)
        #expect(options.dirt == .realistic)
        #expect(options.eventsPerPerson == 1.0)
        #expect(options.referenceTime == ISO8601DateFormatter().date(from: "2026-11-01T00:00:00Z"))
    }

    @Test func invalidOptionsAreRejected() {
        let directory = TestDirectory()
        defer { directory.remove() }
        #expect(throws: SampleDataError.invalidOption(name: "people", reason: "must not be negative")) {
            try directory.generate(SampleDataOptions(people: -5))
        }
        #expect(throws: SampleDataError.self) {
            try directory.generate(SampleDataOptions(people: 5, eventsPerPerson: -1))
        }
        #expect(throws: SampleDataError.self) {
            try directory.generate(SampleDataOptions(people: 5, eventsPerPerson: .nan))
        }
    }

    @Test func aFileInPlaceOfTheDirectoryIsReported() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        let blocker = directory.url.appendingPathComponent("data")
        try Data("x".utf8).write(to: blocker)
        #expect {
            try directory.generate(SampleDataOptions(people: 1))
        } throws: { error in
            guard case .cannotCreateDirectory(let path, _) = error as? SampleDataError else { return false }
            return path.hasSuffix("data")
        }
    }

    @Test func timestampsPrecedeACustomReferenceTime() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let reference = try #require(ISO8601DateFormatter().date(from: "2024-03-01T12:00:00Z"))
        let summary = try directory.generate(SampleDataOptions(people: 60, seed: 6, referenceTime: reference))
        let limit = "2024-03-01T12:00:00.000Z"
        for line in try lines(of: summary.files.events) {
            #expect((jsonObject(line)?["timestamp"] as? String ?? "z") < limit)
        }
        for line in try lines(of: summary.files.consents) {
            #expect((jsonObject(line)?["at"] as? String ?? "z") < limit)
        }
        for row in try CSVReader.table(at: summary.files.customers).rows {
            #expect(row["created_at"]! < limit)
        }
        #expect(
            SampleDataGenerator.people(options: SampleDataOptions(people: 60, seed: 6, referenceTime: reference))
                .allSatisfy { $0.createdAt < reference })
    }

    @Test func zeroPeopleWritesHeadersOnly() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let summary = try directory.generate(SampleDataOptions(people: 0))
        #expect(summary.customers == 0 && summary.events == 0 && summary.consents == 0)
        #expect(try lines(of: summary.files.customers).count == 1)
        #expect(try lines(of: summary.files.events).isEmpty)
    }
}
