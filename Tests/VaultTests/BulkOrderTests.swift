import Foundation
import Testing

@testable import Vault

/// The integer-keyed sorts of the bulk writes give exactly the order of a plain comparison sort:
/// key order (what makes the inserts walk each index in one direction) with equal keys kept in
/// the order given (what makes the last value win).
@Suite struct BulkOrderTests {
    func subjects(_ count: Int) throws -> [SubjectID] { try (0..<count).map { _ in try SubjectID.random() } }

    @Test func fieldWritesKeepTheLastValuePerSubjectAndFieldInKeyOrder() throws {
        let people = try subjects(40)
        let names = ["email", "city", "first_name", "country", "ç_field", "c", "city2"]
        var writes: [VaultWriter.FieldWrite] = []
        var generator = SystemRandomNumberGenerator()
        for index in 0..<2_000 {
            writes.append(
                .init(
                    subject: people.randomElement(using: &generator)!, field: names.randomElement(using: &generator)!,
                    value: .string("v\(index)"), source: "s"))
        }
        let sorted = writes.indices.sorted { a, b in
            let x = writes[a]
            let y = writes[b]
            if x.subject != y.subject { return x.subject < y.subject }
            if x.field != y.field { return x.field < y.field }
            return a < b
        }
        // Keep an index unless the next one in order has the same subject and field.
        let expected = sorted.indices.filter { position in
            guard position + 1 < sorted.count else { return true }
            let this = writes[sorted[position]]
            let next = writes[sorted[position + 1]]
            return !(next.subject == this.subject && next.field == this.field)
        }
        .map { sorted[$0] }
        let (order, firstNames) = VaultWriter.lastWritePerField(writes)
        #expect(order == expected)
        var firstSeen: [String] = []
        for write in writes where !firstSeen.contains(write.field) { firstSeen.append(write.field) }
        #expect(firstNames == firstSeen)
    }

    @Test func sourceRecordsSortBySourceAndIdBytesThenPosition() throws {
        let people = try subjects(3)
        let sources = ["crm", "web", "app", "crm2", "Ωsource"]
        // Ids sharing long prefixes, shorter than eight bytes, with non-ASCII bytes, and repeated.
        let ids = [
            "r1", "r10", "r2", "app-54ddc3284361", "app-54ddc3284362", "app-54dd", "app-54dd\u{0}", "", "a", "ж-1", "ж",
            "z", "Z", "app-54ddc3284361",
        ]
        var generator = SystemRandomNumberGenerator()
        let records = (0..<1_500).map { _ in
            VaultWriter.SourceRecord(
                source: sources.randomElement(using: &generator)!, recordID: ids.randomElement(using: &generator)!,
                subject: people.randomElement(using: &generator)!)
        }
        let expected = records.indices.sorted { a, b in
            let x = records[a]
            let y = records[b]
            if x.source != y.source { return Array(x.source.utf8).lexicographicallyPrecedes(Array(y.source.utf8)) }
            if x.recordID != y.recordID {
                return Array(x.recordID.utf8).lexicographicallyPrecedes(Array(y.recordID.utf8))
            }
            return a < b
        }
        #expect(VaultWriter.sourceRecordOrder(records) == expected)
    }
}
