import Foundation
import Normalization
import Policy
import Testing
import VaultStore

@testable import Vault

/// A catalog with two texts: one per jurisdiction, covering marketing.email and analytics.
struct StubConsentTexts: ConsentTextCatalog {
    func coverageProblem(textID: String, purpose: String, jurisdiction: String) -> String? {
        guard let (textJurisdiction, purposes) = Self.texts[textID] else {
            return "unknown consent text version \(textID)"
        }
        guard textJurisdiction == jurisdiction else {
            return "text \(textID) is for \(textJurisdiction), not \(jurisdiction)"
        }
        guard purposes.contains(purpose) else { return "text \(textID) does not cover purpose \(purpose)" }
        return nil
    }

    func documentBytes(textID: String) -> [UInt8]? {
        Self.texts[textID] == nil ? nil : Array("document \(textID)".utf8)
    }

    static let texts: [String: (String, Set<String>)] = [
        "gdpr-en-v1": ("gdpr", ["marketing.email", "analytics"]),
        "152fz-ru-v1": ("152fz", ["marketing.email", "analytics"]),
    ]
}

@Suite struct ConsentLedgerTests {
    let compliance = Actor(name: "compliance", osUser: "alice")
    let marketer = Actor(name: "marketer", osUser: "bob")
    let day: Int64 = 86_400_000
    let now: Int64 = 1_790_000_000_000

    func makeVault(now: Int64 = 1_790_000_000_000) throws -> (TemporaryVault, SubjectID) {
        let temp = try TemporaryVault(clock: FixedClock(now), consentTexts: StubConsentTexts())
        let id = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let id = try w.createSubject(jurisdiction: "gdpr")
            try w.setField("first_name", of: id, to: .string("Chloé"), source: "crm")
            try w.setField("birth_date", of: id, to: .date("1990-01-02"), source: "crm")
            return id
        }
        return (temp, id)
    }

    func input(
        _ subject: SubjectID, _ status: String, at: Int64, expires: Int64? = nil, text: String = "gdpr-en-v1",
        purpose: String = "marketing.email", by giver: ConsentGiver = .subject
    ) -> ConsentInput {
        ConsentInput(
            subject: subject, purpose: purpose, status: status, source: .webForm, textVersion: text, collectedAt: at,
            expiresAt: expires, givenBy: giver, evidence: "form-42", ipAddress: "203.0.113.7")
    }

    @Test func grantWithdrawGrantKeepsHistoryAndCurrentState() throws {
        let (temp, id) = try makeVault()
        defer { temp.remove() }
        try temp.vault.recordConsents([input(id, "granted", at: now - 3 * day)], as: compliance)
        #expect(try temp.vault.consentStatus(of: id, purpose: "marketing.email") == .granted)
        try temp.vault.recordConsents([input(id, "withdrawn", at: now - 2 * day)], as: compliance)
        #expect(try temp.vault.consentStatus(of: id, purpose: "marketing.email") == .withdrawn)
        try temp.vault.recordConsents([input(id, "granted", at: now - day)], as: compliance)
        let history = try temp.vault.consentHistory(of: id)
        #expect(history.map(\.status) == ["granted", "withdrawn", "granted"])
        #expect(history.map(\.seq) == [1, 2, 3])
        #expect(
            history.allSatisfy {
                $0.textVersion == "gdpr-en-v1" && $0.textHash.count == 64 && $0.jurisdiction == "gdpr"
            })
        // A keyed hash in hex, never the address: hex digits alone cannot spell a dotted IP. (Testing
        // for "203" failed about once in 150 runs, when the random hash happened to contain it.)
        #expect(history[0].ipHash.count == 32 && history[0].ipHash.allSatisfy(\.isHexDigit))
        #expect(!history[0].ipHash.contains("203.0.113.7"))
        let states = try temp.vault.consentStates(of: id)
        #expect(states.map(\.status) == ["granted"])
        #expect(states.first?.ledgerSequence == 3)
        #expect(try temp.vault.verifyConsentLedger().isValid)
    }

    @Test func oneBatchKeepsInputOrderInTheLedgerAndTheLastRecordInTheState() throws {
        let (temp, first) = try makeVault()
        defer { temp.remove() }
        let others = try temp.vault.write(as: testActor, purpose: "unification") { w in
            try (0..<40).map { _ in try w.createSubject(jurisdiction: "gdpr") }
        }
        // Subjects in random order, each with a grant then a withdrawal (or the reverse) for one
        // purpose and a grant for another, interleaved across subjects.
        var inputs: [ConsentInput] = []
        for (index, id) in ([first] + others).enumerated() {
            let older = index % 2 == 0 ? "granted" : "withdrawn"
            inputs.append(input(id, older, at: now - 2 * day))
            inputs.append(input(id, "granted", at: now - 2 * day, purpose: "analytics"))
        }
        for (index, id) in ([first] + others).enumerated().reversed() {
            inputs.append(input(id, index % 2 == 0 ? "withdrawn" : "granted", at: now - day))
        }
        let records = try temp.vault.recordConsents(inputs, as: compliance)
        #expect(records.map(\.seq) == Array(1...Int64(inputs.count)))
        #expect(records.map(\.subject) == inputs.map(\.subject))
        #expect(records.map(\.status) == inputs.map(\.status))
        for (index, id) in ([first] + others).enumerated() {
            let states = try temp.vault.consentStates(of: id)
            #expect(states.map(\.purpose) == ["analytics", "marketing.email"])
            #expect(states.map(\.status) == ["granted", index % 2 == 0 ? "withdrawn" : "granted"])
            let last = try #require(records.last { $0.subject == id && $0.purpose == "marketing.email" })
            #expect(states.last?.ledgerSequence == last.seq)
        }
        #expect(try temp.vault.verifyConsentLedger().isValid)
    }

    @Test func expiredConsentCountsAsAbsent() throws {
        let (temp, id) = try makeVault()
        defer { temp.remove() }
        try temp.vault.recordConsents([input(id, "granted", at: now - 400 * day, expires: now - day)], as: compliance)
        #expect(try temp.vault.consentStatus(of: id, purpose: "marketing.email") == .expired)
        let result = try temp.vault.access(as: marketer).read(id, fields: ["first_name"], purpose: "marketing.email")
        #expect(result.isDenied)
        #expect(result.decision.summary.contains("expired"))
    }

    @Test func withdrawalIsRefusedByTheAccessorAtOnce() throws {
        let (temp, id) = try makeVault()
        defer { temp.remove() }
        let access = temp.vault.access(as: marketer)
        try temp.vault.recordConsents([input(id, "granted", at: now - day)], as: compliance)
        #expect(
            try access.read(id, fields: ["first_name"], purpose: "marketing.email").values["first_name"]
                == .string("Chloé"))
        try temp.vault.recordConsents([input(id, "withdrawn", at: now)], as: compliance)
        let after = try access.read(id, fields: ["first_name"], purpose: "marketing.email")
        #expect(after.isDenied)
        #expect(after.decision.summary.contains("withdrawn"))
        var scanned = 0
        try temp.vault.access(as: Actor(name: "segmentation", osUser: "svc")).scan(
            fields: ["country"], purpose: "marketing.email"
        ) { _ in scanned += 1 }
        #expect(scanned == 0)
    }

    @Test func recordsPointingToUnknownOrWrongTextsAreRefused() throws {
        let (temp, id) = try makeVault()
        defer { temp.remove() }
        for (text, purpose, expected) in [
            ("gdpr-xx-v9", "marketing.email", "unknown consent text version"),
            ("152fz-ru-v1", "marketing.email", "is for 152fz"),
            ("gdpr-en-v1", "profiling", "does not cover purpose"),
        ] {
            do {
                try temp.vault.recordConsents(
                    [input(id, "granted", at: now, text: text, purpose: purpose)], as: compliance)
                Issue.record("accepted \(text)")
            } catch let error as VaultError {
                #expect(error.message.contains(expected))
                #expect(error.message.contains("consent record 1"))
            }
        }
        #expect(throws: VaultError.self) {
            try temp.vault.recordConsents(
                [input(id, "granted", at: now, purpose: "marketing.carrier-pigeon")], as: compliance)
        }
        #expect(try temp.vault.consentHistory(of: id).isEmpty)
    }

    @Test func aBadRecordRollsBackTheWholeBatch() throws {
        let (temp, id) = try makeVault()
        defer { temp.remove() }
        #expect(throws: VaultError.self) {
            try temp.vault.recordConsents(
                [input(id, "granted", at: now), input(id, "granted", at: now, text: "nope")], as: compliance)
        }
        #expect(try temp.vault.consentHistory(of: id).isEmpty)
        #expect(try temp.vault.consentStatus(of: id, purpose: "marketing.email") == .absent)
    }

    @Test func minorNeedsAGuardian() throws {
        let (temp, _) = try makeVault()
        defer { temp.remove() }
        let child = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let id = try w.createSubject(jurisdiction: "gdpr")
            try w.setField("birth_date", of: id, to: .date("2015-06-01"), source: "crm")
            return id
        }
        do {
            try temp.vault.recordConsents([input(child, "granted", at: now)], as: compliance)
            Issue.record("a minor's own consent was accepted")
        } catch let error as VaultError {
            #expect(error.message.contains("guardian"))
        }
        try temp.vault.recordConsents([input(child, "granted", at: now, by: .guardian)], as: compliance)
        #expect(try temp.vault.consentStates(of: child).first?.givenByGuardian == true)
    }

    @Test func tamperingWithTheLedgerIsDetected() throws {
        let (temp, id) = try makeVault()
        defer { temp.remove() }
        for index in 0..<6 {
            try temp.vault.recordConsents(
                [input(id, index % 2 == 0 ? "granted" : "withdrawn", at: now - Int64(10 - index) * day)], as: compliance
            )
        }
        let checkpoint = try temp.vault.makeConsentCheckpoint(as: compliance)
        #expect(try temp.vault.verifyConsentLedger(against: checkpoint).isValid)
        let store = try Store(path: temp.databasePath)
        do {
            try store.write { try $0.execute("UPDATE consent_ledger SET status = 'granted' WHERE seq = 2") }
            Issue.record("the ledger accepted an UPDATE")
        } catch let error as StoreError {
            #expect(error.message.contains("append-only"))
        }
        try store.write { db in
            try db.execute(
                "DROP TRIGGER consent_ledger_append_only_update; DROP TRIGGER consent_ledger_append_only_delete;")
            try db.execute("UPDATE consent_ledger SET status = 'granted' WHERE seq = 4")
        }
        let result = try temp.vault.verifyConsentLedger()
        #expect(result.firstBadSequence == 4)
        try store.write { db in
            try db.execute("UPDATE consent_ledger SET status = 'withdrawn' WHERE seq = 4")
            try db.execute("DELETE FROM consent_ledger WHERE seq > 5; DELETE FROM consent_checkpoints")
        }
        #expect(try temp.vault.verifyConsentLedger().isValid)
        #expect(try temp.vault.verifyConsentLedger(against: checkpoint).firstBadSequence == 6)
    }
}

@Suite struct ConsentSnapshotTests {
    @Test func snapshotAgreesWithSingleChecks() throws {
        let temp = try TemporaryVault(clock: FixedClock(1_790_000_000_000), consentTexts: StubConsentTexts())
        defer { temp.remove() }
        let ids = try temp.vault.write(as: testActor, purpose: "unification") { w in
            try (0..<4).map { _ in try w.createSubject(jurisdiction: "gdpr") }
        }
        try temp.vault.recordConsents(
            [
                ConsentInput(
                    subject: ids[0], purpose: "analytics", status: "granted", source: .api, textVersion: "gdpr-en-v1",
                    collectedAt: 1),
                ConsentInput(
                    subject: ids[1], purpose: "analytics", status: "withdrawn", source: .api, textVersion: "gdpr-en-v1",
                    collectedAt: 1),
                ConsentInput(
                    subject: ids[2], purpose: "analytics", status: "granted", source: .api, textVersion: "gdpr-en-v1",
                    collectedAt: 1, expiresAt: 2),
            ], as: Actor(name: "compliance", osUser: "t"))
        let snapshot = try temp.vault.consentSnapshot(purpose: "analytics")
        #expect(snapshot.grantedCount == 1)
        for id in ids {
            #expect(snapshot.status(of: id) == (try temp.vault.consentStatus(of: id, purpose: "analytics")))
        }
        #expect(snapshot.status(of: ids[2]) == .expired && snapshot.status(of: ids[3]) == .absent)
    }

    @Test func snapshotOfAPurposeWithoutRecordsIsEmpty() throws {
        let temp = try TemporaryVault(clock: FixedClock(1_790_000_000_000), consentTexts: StubConsentTexts())
        defer { temp.remove() }
        let id = try temp.vault.write(as: testActor, purpose: "unification") { w in
            try w.createSubject(jurisdiction: "gdpr")
        }
        try temp.vault.recordConsents(
            [
                ConsentInput(
                    subject: id, purpose: "analytics", status: "granted", source: .api, textVersion: "gdpr-en-v1",
                    collectedAt: 1)
            ], as: Actor(name: "compliance", osUser: "t"))
        let snapshot = try temp.vault.consentSnapshot(purpose: "marketing.email")
        #expect(snapshot.purpose == "marketing.email" && snapshot.takenAt == 1_790_000_000_000)
        #expect(snapshot.grantedCount == 0)
        #expect(snapshot.status(of: id) == .absent)
    }

    @Test func snapshotHoldsTheLatestRecordOfEachSubject() throws {
        let temp = try TemporaryVault(clock: FixedClock(1_790_000_000_000), consentTexts: StubConsentTexts())
        defer { temp.remove() }
        let ids = try temp.vault.write(as: testActor, purpose: "unification") { w in
            try (0..<300).map { _ in try w.createSubject(jurisdiction: "gdpr") }
        }
        func input(_ id: SubjectID, _ status: String, expiresAt: Int64? = nil) -> ConsentInput {
            ConsentInput(
                subject: id, purpose: "analytics", status: status, source: .api, textVersion: "gdpr-en-v1",
                collectedAt: 1, expiresAt: expiresAt)
        }
        let compliance = Actor(name: "compliance", osUser: "t")
        try temp.vault.recordConsents(ids.map { input($0, "granted") }, as: compliance)
        // Then every third withdraws, every fifth refuses, and every seventh holds a grant that
        // expires exactly at the snapshot's instant (expired) or a millisecond after (granted).
        try temp.vault.recordConsents(
            ids.indices.compactMap { index in
                if index % 3 == 0 { return input(ids[index], "withdrawn") }
                if index % 5 == 0 { return input(ids[index], "refused") }
                if index % 7 == 0 { return input(ids[index], "granted", expiresAt: 1_790_000_000_000) }
                if index % 11 == 0 { return input(ids[index], "granted", expiresAt: 1_790_000_000_001) }
                return nil
            }, as: compliance)
        let snapshot = try temp.vault.consentSnapshot(purpose: "analytics")
        var granted = 0
        for (index, id) in ids.enumerated() {
            let expected: ConsentStatus =
                index % 3 == 0 ? .withdrawn : index % 5 == 0 ? .refused : index % 7 == 0 ? .expired : .granted
            #expect(snapshot.status(of: id) == expected)
            #expect(snapshot.status(of: id) == (try temp.vault.consentStatus(of: id, purpose: "analytics")))
            if expected == .granted { granted += 1 }
        }
        #expect(snapshot.grantedCount == granted)
        #expect(snapshot.status(of: try SubjectID.random()) == .absent)
    }
}
