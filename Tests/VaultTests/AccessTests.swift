import Foundation
import Normalization
import Policy
import Testing
import VaultStore

@testable import Vault

@Suite struct AccessTests {
    let compliance = Actor(name: "compliance", osUser: "alice")
    let marketer = Actor(name: "marketer", osUser: "bob")
    let segmentation = Actor(name: "segmentation", osUser: "svc")

    func makeVault() throws -> (TemporaryVault, [(SubjectID, TestPerson)]) {
        let temp = try TemporaryVault()
        let people = try VaultEncryptionTests.insertPeople(5, into: temp.vault)
        try temp.vault.write(as: testActor, purpose: "unification") { w in
            for (id, _) in people {
                try w.setField("city", of: id, to: .string("Казань"), source: "crm")
                try w.setField("country", of: id, to: .string("RU"), source: "crm")
            }
        }
        return (temp, people)
    }

    func grantConsent(_ purpose: String, to subject: SubjectID, in vault: Vault) throws {
        try vault.store.write { db in
            try db.run(
                "INSERT OR REPLACE INTO consent_state (subject, purpose, status, expires_at, by_guardian, ledger_seq) VALUES (?, ?, 'granted', NULL, 0, 0)",
                [subject.bytes, purpose])
        }
    }

    @Test func allowedReadReturnsValuesAndReportsDeniedFields() throws {
        let (temp, people) = try makeVault()
        defer { temp.remove() }
        let (id, person) = people[0]
        let result = try temp.vault.access(as: compliance).read(
            id, fields: ["email", "first_name", "birth_date", "nonexistent"], purpose: "dsr")
        #expect(result.values["email"] == .string(person.email))
        #expect(result.sources["email"] == "crm")
        #expect(result.missingFields == ["birth_date"])
        #expect(result.decision.deniedFields.map(\.field) == ["nonexistent"])
        #expect(!result.decision.deniedFields[0].reason.description.isEmpty)
        let entry = try #require(temp.vault.auditEntries(matching: AuditFilter()).last)
        #expect(entry.seq == result.auditSequence)
        #expect(
            entry.action == "read" && entry.actor == "compliance" && entry.role == "role" && entry.osUser == "alice")
        #expect(entry.decision == "partial")
    }

    @Test func deniedReadAppendsADenialAndReturnsNoPlaintext() throws {
        let (temp, people) = try makeVault()
        defer { temp.remove() }
        let before = try temp.vault.statistics().auditEntries
        let result = try temp.vault.access(as: marketer).read(
            people[1].0, fields: ["first_name", "email"], purpose: "marketing.email")
        #expect(result.isDenied)
        #expect(result.values.isEmpty)
        #expect(result.decision.deniedFields.count == 2)
        #expect(result.decision.summary.contains("consent"))
        let entries = try temp.vault.auditEntries(matching: AuditFilter())
        #expect(entries.count == before + 1)
        #expect(entries.last?.decision == "denied")
        #expect(entries.last?.reason.contains("consent") == true)
        #expect(try temp.vault.verifyAudit().isValid)
    }

    @Test func consentMakesTheMarketingReadAllowedAndWithdrawalStopsItAtOnce() throws {
        let (temp, people) = try makeVault()
        defer { temp.remove() }
        let id = people[2].0
        try grantConsent("marketing.email", to: id, in: temp.vault)
        let access = temp.vault.access(as: marketer)
        #expect(
            try access.read(id, fields: ["first_name"], purpose: "marketing.email").values["first_name"]
                == .string(people[2].1.firstName))
        #expect(try access.read(id, fields: ["email"], purpose: "marketing.email").decision.isDenied)  // not granted to marketers
        try temp.vault.store.write { db in
            try db.run("UPDATE consent_state SET status = 'withdrawn' WHERE subject = ?", [id.bytes])
        }
        #expect(try access.read(id, fields: ["first_name"], purpose: "marketing.email").isDenied)
    }

    @Test func restrictedSubjectIsNotReturnedToMarketingOrSegmentation() throws {
        let (temp, people) = try makeVault()
        defer { temp.remove() }
        let id = people[3].0
        for (other, _) in people {
            try grantConsent("marketing.email", to: other, in: temp.vault)
            try grantConsent("profiling", to: other, in: temp.vault)
        }
        try temp.vault.setFlag(.restricted, to: true, on: id, as: compliance, reason: "Art. 18 request")
        let marketing = try temp.vault.access(as: marketer).read(id, fields: ["first_name"], purpose: "marketing.email")
        #expect(marketing.isDenied)
        #expect(marketing.decision.summary.contains("restrict"))
        var seen: Set<SubjectID> = []
        let summary = try temp.vault.access(as: segmentation).scan(fields: ["city", "country"], purpose: "profiling") {
            record in
            seen.insert(record.subject)
            #expect(record.values["city"] == .string("Казань"))
        }
        #expect(!seen.contains(id))
        #expect(seen.count == 4)
        #expect(summary.returned == 4 && summary.denied.values.reduce(0, +) == 1)
        // Compliance still reads it for a legal purpose.
        #expect(
            try temp.vault.access(as: compliance).read(id, fields: ["email"], purpose: "legal").values["email"] != nil)
    }

    @Test func objectionBlocksMarketingButNotService() throws {
        let (temp, people) = try makeVault()
        defer { temp.remove() }
        let id = people[4].0
        try grantConsent("marketing.email", to: id, in: temp.vault)
        try temp.vault.setFlag(.objectedToMarketing, to: true, on: id, as: compliance, reason: "Art. 21(2)")
        let messaging = temp.vault.access(as: Actor(name: "messaging", osUser: "svc"))
        #expect(try messaging.read(id, fields: ["email"], purpose: "marketing.email").isDenied)
        #expect(
            try messaging.read(id, fields: ["email"], purpose: "service").values["email"] == .string(people[4].1.email))
    }

    @Test func bulkScanWritesOneEntryThatAnswersWhoAccessedThisPerson() throws {
        let (temp, people) = try makeVault()
        defer { temp.remove() }
        for (id, _) in people { try grantConsent("profiling", to: id, in: temp.vault) }
        let before = try temp.vault.statistics().auditEntries
        var count = 0
        let summary = try temp.vault.access(as: segmentation).scan(fields: ["city"], purpose: "profiling") { _ in
            count += 1
        }
        #expect(count == 5)
        #expect(try temp.vault.statistics().auditEntries == before + 1)
        #expect(try temp.vault.auditSubjects(ofEntry: summary.auditSequence).count == 5)
        var filter = AuditFilter()
        filter.subject = people[2].0
        filter.action = "scan"
        let entries = try temp.vault.auditEntries(matching: filter)
        #expect(entries.map(\.actor) == ["segmentation"])
        #expect(entries.first?.purpose == "profiling")
        #expect(try temp.vault.verifyAudit().isValid)
    }

    @Test func eventsNeedTheEventsFieldAndAreReturnedInTimeOrder() throws {
        let (temp, people) = try makeVault()
        defer { temp.remove() }
        let id = people[0].0
        let events = try temp.vault.access(as: compliance).events(of: id, purpose: "dsr")
        #expect(events.decision.isFullyAllowed)
        #expect(events.events.count == 1)
        #expect(events.events.first?.type == "track:Product Viewed")
        let denied = try temp.vault.access(as: marketer).events(of: id, purpose: "analytics")
        #expect(denied.events.isEmpty && denied.decision.isDenied)
        var scanned = 0
        try grantConsent("analytics", to: id, in: temp.vault)
        try temp.vault.access(as: segmentation).scanEvents(purpose: "analytics", withProperties: true) { event in
            scanned += 1
            #expect(event.subject == id)
            #expect(event.properties.map { String(decoding: $0, as: UTF8.self) }?.contains("viewer") == true)
        }
        #expect(scanned == 1)
    }

    @Test func unknownSubjectIsAuditedAndThrows() throws {
        let (temp, _) = try makeVault()
        defer { temp.remove() }
        let ghost = try SubjectID.random()
        #expect(throws: VaultError.self) {
            try temp.vault.access(as: compliance).read(ghost, fields: ["email"], purpose: "dsr")
        }
        #expect(try temp.vault.auditEntries(matching: AuditFilter()).last?.reason == "subject does not exist")
    }
}
