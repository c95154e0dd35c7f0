import Foundation
import Testing
import VaultCrypto
import VaultStore

@testable import Vault

/// `EventBatch` packs events into shared buffers: every event must come out as it went in, in
/// order or sorted by subject, and a batch must store exactly what the same `[NewEvent]` stores.
@Suite struct EventBatchTests {
    /// The event at `index` of `batch`, unpacked.
    func unpacked(_ batch: EventBatch, _ index: Int) -> NewEvent {
        batch.bytes.withUnsafeBytes { bytes in
            let span = batch.spans[index]
            return NewEvent(
                subject: batch.subjects[index], type: batch.type(at: index), at: batch.times[index],
                source: batch.source(at: index),
                messageID: String(decoding: bytes[span.start..<span.messageEnd], as: UTF8.self),
                properties: Array(bytes[span.messageEnd..<span.end]))
        }
    }

    func same(_ a: NewEvent, _ b: NewEvent) -> Bool {
        a.subject == b.subject && a.type == b.type && a.at == b.at && a.source == b.source
            && a.messageID == b.messageID && a.properties == b.properties
    }

    /// Events of three subjects, interleaved, with empty properties, an empty message id,
    /// Cyrillic text and more distinct types than the batch compares before hashing.
    func sampleEvents() throws -> [NewEvent] {
        let subjects = try (0..<3).map { _ in try SubjectID.random() }
        return (0..<60).map { (index: Int) -> NewEvent in
            let type: String = index % 2 == 0 ? "page" : "track:Событие \(index % 25)"
            let source: String = index % 5 == 0 ? "app" : "web"
            let message: String = index == 7 ? "" : "m-\(index)-сообщение"
            let properties: [UInt8] = index % 4 == 0 ? [] : Array("{\"n\":\(index)}".utf8)
            return NewEvent(
                subject: subjects[index % 3], type: type, at: Int64(1_000 - index), source: source,
                messageID: message, properties: properties)
        }
    }

    @Test func eventsComeOutAsTheyWentIn() throws {
        let events = try sampleEvents()
        let batch = EventBatch(events)
        #expect(batch.count == events.count)
        for (index, event) in events.enumerated() { #expect(same(unpacked(batch, index), event)) }
    }

    @Test func aBatchEmptiedAndRefilledHoldsOnlyTheNewEvents() throws {
        let events = try sampleEvents()
        var batch = EventBatch(Array(events[..<40]))
        batch.removeAll()
        #expect(batch.isEmpty)
        let later = Array(events[40...])
        for event in later {
            batch.append(
                subject: event.subject, type: event.type, at: event.at, source: event.source,
                messageID: event.messageID, properties: event.properties)
        }
        #expect(batch.count == later.count)
        for (index, event) in later.enumerated() { #expect(same(unpacked(batch, index), event)) }
    }

    @Test func sortingBySubjectKeepsEachSubjectsOrder() throws {
        let events = try sampleEvents()
        var batch = EventBatch(events)
        batch.sortBySubject()
        let sorted = (0..<batch.count).map { unpacked(batch, $0) }
        #expect(sorted.map(\.subject) == sorted.map(\.subject).sorted())
        for subject in Set(events.map(\.subject)) {
            let before = events.filter { $0.subject == subject }
            let after = sorted.filter { $0.subject == subject }
            #expect(before.count == after.count)
            #expect(zip(before, after).allSatisfy(same))
        }
    }

    @Test func aBatchStoresWhatTheSameEventsStore() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let subject = try temp.vault.write(as: testActor, purpose: "unification") { w in
            try w.createSubject(jurisdiction: "gdpr")
        }
        let events = try sampleEvents().map {
            NewEvent(
                subject: subject, type: $0.type, at: $0.at, source: $0.source, messageID: $0.messageID,
                properties: $0.properties)
        }
        // The first half as `[NewEvent]`, then the whole as a batch: only the second half is new,
        // so the batch's message tokens are the ones the array path made.
        let half = events.count / 2
        let (first, second) = try temp.vault.write(as: testActor, purpose: "unification") { w in
            (try w.appendEvents(Array(events[..<half])), try w.appendEvents(EventBatch(events)))
        }
        #expect(first == half)
        #expect(second == events.count - half)
        let stored = try temp.vault.store.read { db in
            let record = try #require(try SubjectRecord.load(subject, in: db))
            return try temp.vault.decryptEvents(of: record, in: db)
        }
        #expect(stored.count == events.count)
        let lines = Set(stored.map { "\($0.type)|\($0.at)|\($0.source)|\($0.properties)" })
        #expect(lines == Set(events.map { "\($0.type)|\($0.at)|\($0.source)|\($0.properties)" }))
    }

    @Test func utf8TokensEqualStringTokens() throws {
        let indexer = BlindIndexer(key: try IndexKey.generate())
        let tokenizer = try DomainTokenizer(indexer, domain: "message")
        for value in ["", "m-1", "сообщение-42", String(repeating: "x", count: 300)] {
            var fromBytes = [UInt8](repeating: 0, count: BlindIndexer.tokenSize)
            var text = value
            text.withUTF8 { utf8 in
                fromBytes.withUnsafeMutableBytes { tokenizer.token(utf8: UnsafeRawBufferPointer(utf8), into: $0) }
            }
            #expect(fromBytes == tokenizer.token(value))
            #expect(fromBytes == indexer.token(domain: "message", value: value))
        }
    }
}
