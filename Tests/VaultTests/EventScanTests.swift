import Foundation
import Testing
import VaultStore

@testable import Vault

/// The bulk event scan returns exactly the events of allowed subjects that match the question,
/// in subject then time order, and refuses a ciphertext that does not belong to its event.
@Suite struct EventScanTests {
    let segmentation = Actor(name: "segmentation", osUser: "svc")
    let types = ["track:Product Viewed", "track:Order Completed", "page"]

    func event(_ subject: SubjectID, _ n: Int) -> NewEvent {
        NewEvent(
            subject: subject, type: types[n % types.count], at: 1_790_000_000_000 + Int64((n * 7919) % 500) * 1000,
            source: n % 2 == 0 ? "web" : "app", messageID: "m-\(subject)-\(n)", properties: Array("{\"n\":\(n)}".utf8))
    }

    /// Six subjects with 40 events each; consent for `analytics` for the even ones.
    func makeVault() throws -> (TemporaryVault, [SubjectID], [NewEvent]) {
        let temp = try TemporaryVault()
        var all: [NewEvent] = []
        let ids = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let ids = try (0..<6).map { _ in try w.createSubject(jurisdiction: "gdpr") }
            for id in ids {
                let events = (0..<40).map { event(id, $0) }
                try w.appendEvents(events)
                all += events
            }
            return ids
        }
        try temp.vault.store.write { db in
            for id in ids.enumerated() where id.offset % 2 == 0 {
                try db.run(
                    "INSERT INTO consent_state (subject, purpose, status, expires_at, by_guardian, ledger_seq) VALUES (?, 'analytics', 'granted', NULL, 0, 0)",
                    [id.element.bytes])
            }
        }
        return (temp, ids, all)
    }

    struct Seen: Equatable {
        let subject: SubjectID
        let type: String
        let at: Int64
        let source: String
        let properties: [UInt8]?
    }

    @Test(arguments: [false, true]) func returnsTheMatchingEventsOfAllowedSubjectsInOrder(withProperties: Bool) throws {
        let (temp, ids, all) = try makeVault()
        defer { temp.remove() }
        let allowed = Set(ids.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        let since: Int64 = 1_790_000_000_000 + 200_000
        for (types, from) in [(nil, nil), (Set(["page"]), nil), (Set(["page", "track:Order Completed"]), since)]
            as [(Set<String>?, Int64?)]
        {
            var seen: [Seen] = []
            let summary = try temp.vault.access(as: segmentation).scanEvents(
                purpose: "analytics", types: types, since: from, withProperties: withProperties
            ) {
                seen.append(
                    Seen(subject: $0.subject, type: $0.type, at: $0.at, source: $0.source, properties: $0.properties))
            }
            let expected =
                all
                .filter {
                    allowed.contains($0.subject) && (types?.contains($0.type) ?? true) && $0.at >= (from ?? .min)
                }
                .sorted { ($0.subject, $0.at) < ($1.subject, $1.at) }
            #expect(summary.returned == allowed.count)
            #expect(seen.map(\.subject) == expected.map(\.subject))
            #expect(seen.map(\.at) == expected.map(\.at))
            // Events of one subject at the same instant may come in either order: compare as multisets.
            #expect(
                Set(seen.map { "\($0.subject) \($0.at) \($0.type) \($0.source)" })
                    == Set(expected.map { "\($0.subject) \($0.at) \($0.type) \($0.source)" }))
            if withProperties {
                let byKey = Dictionary(
                    expected.map { ("\($0.subject) \($0.at) \($0.type) \($0.source)", $0.properties) },
                    uniquingKeysWith: { a, _ in a })
                for event in seen {
                    let property = try #require(event.properties)
                    #expect(String(decoding: property, as: UTF8.self).hasPrefix("{\"n\":"))
                    #expect(byKey["\(event.subject) \(event.at) \(event.type) \(event.source)"] != nil)
                }
            } else {
                #expect(seen.allSatisfy { $0.properties == nil })
            }
        }
    }

    @Test func propertiesMovedToAnotherEventFailAuthentication() throws {
        let (temp, ids, _) = try makeVault()
        defer { temp.remove() }
        // Copy one event's sealed properties over another event of the same subject.
        try temp.vault.store.write { db in
            try db.execute("DROP TRIGGER IF EXISTS events_append_only_update")
            try db.run(
                "UPDATE events SET properties = (SELECT properties FROM events WHERE subject = ?1 ORDER BY id LIMIT 1) WHERE id = (SELECT id FROM events WHERE subject = ?1 ORDER BY id LIMIT 1 OFFSET 1)",
                [ids[0].bytes])
        }
        #expect(throws: VaultError.self) {
            try temp.vault.access(as: segmentation).scanEvents(purpose: "analytics", withProperties: true) { _ in }
        }
        // Without properties nothing is decrypted, so the scan still answers.
        var count = 0
        try temp.vault.access(as: segmentation).scanEvents(purpose: "analytics") { _ in count += 1 }
        #expect(count == 120)
    }
}
