import Foundation
import Normalization
import Policy
import Testing
import VaultStore

@testable import Vault

@Suite struct RequestTests {
    let compliance = Actor(name: "compliance", osUser: "alice")
    let marketer = Actor(name: "marketer", osUser: "bob")

    static let holidays: HolidayCalendar = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Policies/holidays-ru.json")
        return try! HolidayCalendar.load(contentsOf: url)
    }()

    func makeVault(now: String = "2026-12-25T10:00:00Z") throws -> TemporaryVault {
        try TemporaryVault(clock: FixedClock(VaultTime.parse(now)!), holidays: ["152fz": Self.holidays])
    }

    func person(_ vault: Vault, jurisdiction: String, email: String = "victim.person@example.org", orders: Int = 0)
        throws -> SubjectID
    {
        try vault.write(as: testActor, purpose: "unification") { w in
            let id = try w.createSubject(jurisdiction: jurisdiction)
            try w.setField("first_name", of: id, to: .string("Пётр"), source: "crm")
            try w.setField("last_name", of: id, to: .string("Римский-Корсаков"), source: "crm")
            try w.setField("email", of: id, to: .string(email), source: "crm")
            let phone = "+7912" + String(format: "%07d", abs(email.hashValue) % 10_000_000)
            try w.setField("phone", of: id, to: .string(phone), source: "crm")
            try w.link(.email, normalized: email, to: id)
            try w.link(.phone, normalized: phone, to: id)
            var events = (0..<5).map {
                NewEvent(
                    subject: id, type: "Product Viewed", at: VaultTime.parse("2026-10-0\($0 + 1)T10:00:00Z")!,
                    source: "web",
                    messageID: "\(email)-view-\($0)",
                    properties: Array("{\"sku\":\"SKU\($0)\",\"note\":\"секрет-\(email)\"}".utf8))
            }
            events += (0..<orders).map {
                NewEvent(
                    subject: id, type: "Order Completed", at: VaultTime.parse("2026-09-1\($0)T10:00:00Z")!,
                    source: "web",
                    messageID: "\(email)-order-\($0)",
                    properties: Array("{\"order_id\":\"O\($0)\",\"revenue\":99.5}".utf8))
            }
            try w.appendEvents(events)
            return id
        }
    }

    func verifiedRequest(_ vault: Vault, _ kind: DataSubjectRequest.Kind, _ subject: SubjectID) throws
        -> DataSubjectRequest
    {
        let request = try vault.openRequest(kind: kind, subject: subject, channel: "email", as: compliance)
        return try vault.verifyRequest(request.id, method: "signed e-mail from the address on file", as: compliance)
    }

    @Test func deadlinesFollowEachRegimeAcrossWeekendsAndRussianHolidays() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        let ru = try person(temp.vault, jurisdiction: "152fz", email: "ru@example.org")
        let eu = try person(temp.vault, jurisdiction: "gdpr", email: "eu@example.org")
        // Received Friday 2026-12-25. 152-FZ: ten working days, skipping 31 Dec and 1–8 Jan.
        let ruRequest = try temp.vault.openRequest(kind: .access, subject: ru, channel: "letter", as: compliance)
        let euRequest = try temp.vault.openRequest(kind: .access, subject: eu, channel: "letter", as: compliance)
        #expect(VaultTime.iso8601(ruRequest.dueAt).hasPrefix("2027-01-19"))
        #expect(VaultTime.iso8601(euRequest.dueAt).hasPrefix("2027-01-25"))
        // Extension: 152-FZ five more working days; GDPR two more months.
        let ruExtended = try temp.vault.extendRequest(
            ruRequest.id, reason: "archive records must be retrieved", as: compliance)
        let euExtended = try temp.vault.extendRequest(euRequest.id, reason: "complex request", as: compliance)
        #expect(ruExtended.extendedDueAt.map(VaultTime.iso8601)?.hasPrefix("2027-01-26") == true)
        #expect(euExtended.extendedDueAt.map(VaultTime.iso8601)?.hasPrefix("2027-03-25") == true)
        #expect(ruExtended.state == .extended)
        #expect(throws: VaultError.self) { try temp.vault.extendRequest(ruRequest.id, reason: "again", as: compliance) }
        // Overdue listing uses the extended date.
        #expect(try temp.vault.requests(overdue: true).isEmpty)
        #expect(try temp.vault.requests(dueWithinDays: 40).map(\.id) == [ruRequest.id])
    }

    @Test func requestCannotCompleteBeforeVerification() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        let id = try person(temp.vault, jurisdiction: "gdpr")
        let request = try temp.vault.openRequest(kind: .erasure, subject: id, channel: "web", as: compliance)
        #expect(throws: VaultError.self) { try temp.vault.erase(requests: [request.id], as: compliance) }
        #expect(throws: VaultError.self) { try temp.vault.completeRequest(request.id, result: "done", as: compliance) }
        #expect(try temp.vault.subjectInfo(id) != nil)
    }

    @Test func erasureLeavesNoTraceAndARestoredBackupDoesNotBringItBack() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        let keep = try person(temp.vault, jurisdiction: "gdpr", email: "keeper@example.org")
        let victim = try person(temp.vault, jurisdiction: "gdpr", email: "victim.person@example.org")
        let backupBefore = temp.directory.appendingPathComponent("before.backup")
        try temp.vault.backup(to: backupBefore, as: Actor(name: "admin", osUser: "ops"))
        var secrets: [[UInt8]] = []
        try temp.vault.store.read { db in
            secrets += try StoredProfile.load(victim, in: db).entries.map(\.sealed)
            try db.forEachRow("SELECT token FROM identities WHERE subject = ?", [victim.bytes]) {
                secrets.append($0.blob(0))
            }
            try db.forEachRow("SELECT properties FROM events WHERE subject = ?", [victim.bytes]) {
                secrets.append($0.blob(0))
            }
        }
        let plaintexts = ["victim.person@example.org", "Римский-Корсаков", "секрет-victim"].map { Array($0.utf8) }
        let request = try verifiedRequest(temp.vault, .erasure, victim)
        let result = try temp.vault.erase(requests: [request.id], as: compliance)[0]
        #expect(result.fullyErased)
        #expect(try temp.vault.request(request.id)?.state == .completed)
        let raw = try temp.rawBytes()
        #expect(leaks(secrets + plaintexts, in: raw) == 0)
        // A later backup holds none of it either (decrypted to look inside).
        let backupAfter = temp.directory.appendingPathComponent("after.backup")
        try temp.vault.backup(to: backupAfter, as: Actor(name: "admin", osUser: "ops"))
        let inside = try temp.vault.decryptBackup(backupAfter)
        #expect(leaks(secrets + plaintexts, in: inside) == 0)
        // Restoring the backup taken before the erasure does not bring the person back.
        var options = Vault.Options(policy: testPolicy)
        options.clock = FixedClock(VaultTime.parse("2026-12-26T10:00:00Z")!)
        let (restored, summary) = try Vault.restore(
            from: backupBefore, into: temp.directory, options: options, as: Actor(name: "admin", osUser: "ops"))
        #expect(summary.reErasedSubjects == 1)
        #expect(try restored.subjectInfo(victim) == nil)
        #expect(try restored.subjectInfo(keep) != nil)
        #expect(try restored.subjects(with: .email, normalized: "victim.person@example.org").isEmpty)
        let restoredRaw = try temp.rawBytes()
        #expect(leaks(secrets + plaintexts, in: restoredRaw) == 0)
        #expect(try restored.verifyAudit().isValid)
    }

    @Test func legalHoldKeepsOrdersRestrictedAndTheDestructionRecordIsSignedAndComplete() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        let id = try person(temp.vault, jurisdiction: "152fz", orders: 2)
        try temp.vault.write(as: testActor, purpose: "unification") { w in
            try w.setField("external_id", of: id, to: .string("C0001"), source: "crm")
        }
        let request = try verifiedRequest(temp.vault, .erasure, id)
        let result = try temp.vault.erase(requests: [request.id], suppress: true, as: compliance)[0]
        #expect(!result.fullyErased)
        #expect(Set(result.held.map(\.category)) == ["field external_id", "events Order Completed"])
        #expect(result.held.allSatisfy { !$0.reason.isEmpty })
        #expect(result.suppressed == 2)
        #expect(try temp.vault.isSuppressed(.email, normalized: "victim.person@example.org"))
        let info = try #require(try temp.vault.subjectInfo(id))
        #expect(info.restricted)
        #expect(try temp.vault.statistics().events == 2)
        let (record, valid, _) = try temp.vault.destructionRecord(result.destructionRecordID, as: compliance)
        #expect(valid)
        #expect(record.regime == "152fz")
        #expect(record.subjectName == "Пётр Римский-Корсаков")
        #expect(record.operatorName == "Example Retail LLC" && !record.operatorAddress.isEmpty)
        #expect(record.categories.contains("contact: email"))
        #expect(record.method.contains("crypto-shredding") && record.reason.contains(request.id))
        #expect(record.performedBy.contains("compliance"))
        #expect(record.auditSequence > 0)
        let stored = try temp.vault.destructionRecords()
        #expect(stored.count == 1 && stored[0].expiresAt - stored[0].createdAt == 1095 * VaultTime.day)
        // The record is encrypted at rest.
        #expect(leaks([Array("Римский-Корсаков".utf8)], in: try temp.rawBytes()) == 0)
    }

    @Test func restrictedSubjectIsRefusedToSegmentationAndMessaging() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        let id = try person(temp.vault, jurisdiction: "gdpr")
        try temp.vault.store.write { db in
            for purpose in ["marketing.email", "profiling"] {
                try db.run(
                    "INSERT INTO consent_state (subject, purpose, status, ledger_seq) VALUES (?, ?, 'granted', 0)",
                    [id.bytes, purpose])
            }
        }
        let messaging = temp.vault.access(as: Actor(name: "messaging", osUser: "svc"))
        #expect(try messaging.read(id, fields: ["email"], purpose: "marketing.email").values["email"] != nil)
        let request = try verifiedRequest(temp.vault, .restriction, id)
        try temp.vault.restrict(requestID: request.id, as: compliance)
        #expect(try messaging.read(id, fields: ["email"], purpose: "marketing.email").isDenied)
        #expect(try messaging.read(id, fields: ["email"], purpose: "service").isDenied)
        var seen = 0
        try temp.vault.access(as: Actor(name: "segmentation", osUser: "svc")).scan(
            fields: ["city"], purpose: "profiling"
        ) { _ in seen += 1 }
        #expect(seen == 0)
    }

    @Test func objectionStopsMarketingAndCancelsQueuedSends() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        let id = try person(temp.vault, jurisdiction: "gdpr")
        try temp.vault.store.write { db in
            try db.run(
                "INSERT INTO consent_state (subject, purpose, status, ledger_seq) VALUES (?, 'marketing.email', 'granted', 0)",
                [id.bytes])
        }
        try temp.vault.putModuleRecords([
            ModuleRecord(
                module: "messaging", kind: ModuleRecord.queuedKind(purpose: "marketing.email"), key: "m1", subject: id,
                body: Array("{}".utf8)),
            ModuleRecord(
                module: "messaging", kind: ModuleRecord.queuedKind(purpose: "service"), key: "m2", subject: id,
                body: Array("{}".utf8)),
        ])
        let request = try verifiedRequest(temp.vault, .objection, id)
        let (_, cancelled) = try temp.vault.object(requestID: request.id, as: compliance)
        #expect(cancelled == 1)
        #expect(try temp.vault.moduleRecords(module: "messaging").map(\.key) == ["m2"])
        let messaging = temp.vault.access(as: Actor(name: "messaging", osUser: "svc"))
        #expect(try messaging.read(id, fields: ["email"], purpose: "marketing.email").isDenied)
        #expect(try messaging.read(id, fields: ["email"], purpose: "service").values["email"] != nil)
    }

    @Test func exportListsEverythingIncludingAnAccessByAnotherActor() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        let id = try person(temp.vault, jurisdiction: "152fz")
        _ = try temp.vault.access(as: marketer).read(id, fields: ["first_name"], purpose: "analytics")
        let request = try verifiedRequest(temp.vault, .access, id)
        let export = try temp.vault.buildExport(requestID: request.id, as: compliance)
        #expect(export.language == "ru")
        #expect(export.fields.first { $0.name == "last_name" }?.value == "Римский-Корсаков")
        #expect(export.events.count == 5)
        #expect(export.identities.map(\.kind).sorted() == ["email", "phone"])
        #expect(
            export.accessLog.contains { $0.actor == "marketer" && $0.purpose == "analytics" && $0.decision == "denied" }
        )
        #expect(export.accessLog.contains { $0.actor == "unification" && $0.action == "write" })
        #expect(!export.rights.isEmpty && !export.purposes.isEmpty)
        var filter = AuditFilter()
        filter.action = "export"
        #expect(try temp.vault.auditEntries(matching: filter).count == 1)
    }

    @Test func rectificationRecordsThatAFieldWasRectifiedButNotTheOldValue() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        let id = try person(temp.vault, jurisdiction: "gdpr")
        let request = try verifiedRequest(temp.vault, .rectification, id)
        try temp.vault.rectify(requestID: request.id, values: ["last_name": .string("Corsakoff")], as: compliance)
        let request2 = try verifiedRequest(temp.vault, .access, id)
        let export = try temp.vault.buildExport(requestID: request2.id, as: compliance)
        let field = try #require(export.fields.first { $0.name == "last_name" })
        #expect(field.value == "Corsakoff" && field.rectifiedAt != nil)
        #expect(leaks([Array("Римский-Корсаков".utf8)], in: try temp.rawBytes()) == 0)
    }

    @Test func retentionSweepDryRunListsAndSweepDeletes() throws {
        let temp = try makeVault(now: "2029-01-01T00:00:00Z")
        defer { temp.remove() }
        _ = try person(temp.vault, jurisdiction: "gdpr", orders: 1)
        let admin = Actor(name: "admin", osUser: "ops")
        let dry = try temp.vault.sweepRetention(dryRun: true, as: admin)
        #expect(dry.removed["events Product Viewed"] == 5)
        #expect(dry.removed["events Order Completed"] == nil)  // five-year legal hold
        #expect(try temp.vault.statistics().events == 6)
        let real = try temp.vault.sweepRetention(dryRun: false, as: admin)
        #expect(real.removed == dry.removed)
        #expect(try temp.vault.statistics().events == 1)
    }

    @Test func retentionSweepRemovesOnlyTheExpiredFieldsOfAProfile() throws {
        let temp = try makeVault(now: "2029-01-01T00:00:00Z")
        defer { temp.remove() }
        let id = try person(temp.vault, jurisdiction: "gdpr")
        try temp.vault.write(as: testActor, purpose: "unification") { w in
            try w.setField("anonymous_id", of: id, to: .string("anon-1"), source: "web")
        }
        // Written 400 days ago (the default policy keeps an anonymous id 395 days; names and
        // contact fields have no retention period).
        let old = try #require(VaultTime.parse("2027-11-28T00:00:00Z"))
        try temp.vault.store.write { db in
            var profile = try StoredProfile.load(id, in: db)
            for name in profile.names { profile.update(name) { $0.updatedAt = old } }
            try profile.save(for: id, in: db)
        }
        let admin = Actor(name: "admin", osUser: "ops")
        let before = try storedProfile(of: id, in: temp.vault)
        let dry = try temp.vault.sweepRetention(dryRun: true, as: admin)
        #expect(dry.removed["field anonymous_id"] == 1 && dry.removed.keys.filter { $0.hasPrefix("field ") }.count == 1)
        #expect(try storedProfile(of: id, in: temp.vault).entries == before.entries)
        let real = try temp.vault.sweepRetention(dryRun: false, as: admin)
        #expect(real.removed == dry.removed)
        #expect(try storedProfile(of: id, in: temp.vault).names == ["email", "first_name", "last_name", "phone"])
    }
}
