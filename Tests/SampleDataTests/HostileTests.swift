import Foundation
import SampleData
import Testing

@Suite struct HostileTests {
    @Test func hostileFilesHoldABOMCRLFAndBrokenLines() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let summary = try directory.generate(SampleDataOptions(people: 300, seed: 31, dirt: .hostile))
        let customers = try bytes(of: summary.files.customers)
        #expect(customers.starts(with: [0xEF, 0xBB, 0xBF]))
        let header = "source,source_record_id,external_id".utf8
        #expect(customers.dropFirst(3).starts(with: header))
        #expect(customers.range(of: Data("\r\n".utf8)) != nil)

        let eventLines = try lines(of: summary.files.events)
        let broken = eventLines.filter { jsonObject($0) == nil }
        #expect(!broken.isEmpty)
        #expect(broken.count == summary.malformedEventLines)
    }

    @Test func hostileRecordsIncludeMalformedValues() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let summary = try directory.generate(
            SampleDataOptions(people: 600, seed: 32, dirt: .hostile, eventsPerPerson: 0))
        let rows = try CSVReader.table(at: summary.files.customers).rows
        let values = rows.flatMap { $0.values }
        let oddities = [
            values.contains { $0.count >= 5000 },
            values.contains { $0.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } },
            values.contains { $0.contains("\n") },
            values.contains { $0.contains("\"") },
            rows.contains {
                ["31.02.1990", "1990-13-01", "yesterday", "0000-00-00", "29.02.2023"].contains($0["birth_date"]!)
            },
            rows.contains { ["not-an-email", "a@@b.c", "@mail.ru", "x@", "имя@почта"].contains($0["email"]!) },
        ]
        #expect(oddities.filter { $0 }.count >= 4, "too few kinds of malformed values: \(oddities)")
    }

    @Test func realisticFilesHaveNoBOMNorCRLF() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let summary = try directory.generate(SampleDataOptions(people: 100, seed: 33, dirt: .realistic))
        let customers = try bytes(of: summary.files.customers)
        #expect(!customers.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(customers.range(of: Data("\r".utf8)) == nil)
        #expect(summary.malformedEventLines == 0)
    }
}
