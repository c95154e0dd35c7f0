import Foundation
import Normalization
import Testing
import VaultStore

@testable import Vault

@Suite struct AuditTamperTests {
    /// A vault with `count` audit entries (one write each).
    func makeVault(entries count: Int = 30) throws -> TemporaryVault {
        let temp = try TemporaryVault()
        for index in 0..<count {
            try temp.vault.write(as: testActor, purpose: "unification") { w in
                let id = try w.createSubject(jurisdiction: index % 2 == 0 ? "gdpr" : "152fz")
                try w.setField("email", of: id, to: .string("p\(index)@example.org"), source: "crm")
            }
        }
        return temp
    }

    /// Verifies in one pass and in two parallel halves; both must agree.
    func verify(_ vault: Vault, against checkpoint: AuditCheckpoint? = nil) throws -> LogVerification {
        let sequential = try vault.verifyAudit(against: checkpoint, progress: nil, splittingFrom: .max)
        let parallel = try vault.verifyAudit(against: checkpoint, progress: nil, splittingFrom: 2)
        #expect(sequential == parallel)
        return sequential
    }

    /// Opens the raw database as an attacker with file access would, with the triggers dropped.
    func tamper(_ temp: TemporaryVault, _ sql: String...) throws {
        let store = try Store(path: temp.databasePath)
        try store.write { db in
            try db.execute(
                """
                DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete;
                """)
            for statement in sql { try db.execute(statement) }
        }
    }

    @Test func untouchedLogVerifies() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        let result = try verify(temp.vault)
        #expect(result.isValid)
        #expect(result.entries == 30)
        #expect(result.headHash.count == 64)
    }

    @Test func triggersRefuseUpdateAndDelete() throws {
        let temp = try makeVault(entries: 3)
        defer { temp.remove() }
        let store = try Store(path: temp.databasePath)
        for sql in [
            "UPDATE audit_log SET reason = 'x' WHERE seq = 1", "DELETE FROM audit_log WHERE seq = 2",
            "UPDATE audit_log SET subjects = x'' WHERE seq = 1",
        ] {
            do {
                try store.write { try $0.execute(sql) }
                Issue.record("the log accepted: \(sql)")
            } catch let error as StoreError {
                #expect(error.message.contains("append-only"))
            }
        }
        #expect(try verify(temp.vault).isValid)
    }

    @Test func changedByteIsDetected() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        try tamper(temp, "UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 12")
        let result = try verify(temp.vault)
        #expect(result.firstBadSequence == 12)
        #expect(result.problem?.contains("altered") == true)
    }

    @Test func changedActorOrTimeIsDetected() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        try tamper(temp, "UPDATE audit_log SET at = at + 1 WHERE seq = 4")
        #expect(try verify(temp.vault).firstBadSequence == 4)
    }

    @Test func changedSubjectListIsDetected() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        try tamper(temp, "UPDATE audit_log SET subjects = x'' WHERE seq = 9")
        #expect(try verify(temp.vault).firstBadSequence == 9)
    }

    @Test func replacedSubjectIsDetected() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        try tamper(temp, "UPDATE audit_log SET subjects = randomblob(16) WHERE seq = 11")
        let result = try verify(temp.vault)
        #expect(result.firstBadSequence == 11)
        #expect(result.problem?.contains("subjects") == true)
    }

    @Test func deletedEntryIsDetected() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        try tamper(temp, "DELETE FROM audit_log WHERE seq = 7")
        let result = try verify(temp.vault)
        #expect(result.firstBadSequence == 7)
        #expect(result.problem?.contains("missing") == true)
    }

    @Test func swappedEntriesAreDetected() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        try tamper(
            temp,
            "UPDATE audit_log SET seq = -5 WHERE seq = 5", "UPDATE audit_log SET seq = 5 WHERE seq = 6",
            "UPDATE audit_log SET seq = 6 WHERE seq = -5")
        #expect(try verify(temp.vault).firstBadSequence == 5)
    }

    @Test func insertedEntryIsDetected() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        try tamper(
            temp, "UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 10",
            "UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1000",
            """
            INSERT INTO audit_log SELECT 10, at, actor, role, os_user, purpose, 'read', subject_count, subjects_digest,
                fields, decision, reason, prev_hash, hash, subjects FROM audit_log WHERE seq = 9
            """)
        #expect(try verify(temp.vault).firstBadSequence == 10)
    }

    @Test func cutTailIsDetectedAgainstAnExportedCheckpoint() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        let checkpoint = try temp.vault.makeAuditCheckpoint(as: testActor)
        #expect(checkpoint.seq == 31)
        #expect(try verify(temp.vault, against: checkpoint).isValid)
        try tamper(temp, "DELETE FROM audit_log WHERE seq > 20", "DELETE FROM audit_checkpoints")
        let result = try verify(temp.vault, against: checkpoint)
        #expect(result.firstBadSequence == 21)
        #expect(result.problem?.contains("truncated") == true)
    }

    @Test func rewrittenChainIsDetectedByTheSignedCheckpoint() throws {
        let temp = try makeVault()
        defer { temp.remove() }
        _ = try temp.vault.makeAuditCheckpoint(as: testActor)
        // An attacker with the database file edits entry 3 and recomputes every hash after it.
        try tamper(temp, "UPDATE audit_log SET reason = 'rewritten' WHERE seq = 3")
        let store = try Store(path: temp.databasePath)
        try store.write { db in
            var entries: [AuditEntry] = []
            try db.forEachRow(
                "SELECT seq, at, actor, role, os_user, purpose, action, subject_count, subjects_digest, fields, decision, reason FROM audit_log ORDER BY seq"
            ) { r in
                entries.append(
                    AuditEntry(
                        seq: r.int64(0), at: r.int64(1), actor: r.text(2)!, role: r.text(3)!, osUser: r.text(4)!,
                        purpose: r.text(5)!, action: r.text(6)!, subjectCount: r.int64(7), subjectsDigest: r.blob(8),
                        fields: r.text(9)!, decision: r.text(10)!, reason: r.text(11)!, previousHash: [], hash: []))
            }
            var previous = HashChain.genesis
            for entry in entries {
                let hash = HashChain.audit.link(previous: previous, encoded: entry.canonicalEncoding())
                try db.run("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", [previous, hash, entry.seq])
                previous = hash
            }
        }
        let result = try verify(temp.vault)
        #expect(result.firstBadSequence == 31)
        #expect(result.problem?.contains("rewritten") == true)
    }

    @Test func checkpointFromAnotherVaultIsRefused() throws {
        let a = try makeVault(entries: 2)
        let b = try makeVault(entries: 2)
        defer {
            a.remove()
            b.remove()
        }
        let foreign = try b.vault.makeAuditCheckpoint(as: testActor)
        #expect(try verify(a.vault, against: foreign).isValid == false)
    }

    @Test func queryFindsEntriesBySubjectActorAndDecision() throws {
        let temp = try makeVault(entries: 3)
        defer { temp.remove() }
        let id = try temp.vault.write(as: Actor(name: "compliance", osUser: "alice"), purpose: "dsr") { w in
            let id = try w.createSubject(jurisdiction: "gdpr")
            try w.setField("email", of: id, to: .string("q@example.org"), source: "crm")
            return id
        }
        var filter = AuditFilter()
        filter.subject = id
        let entries = try temp.vault.auditEntries(matching: filter)
        #expect(entries.map(\.actor) == ["compliance"])
        #expect(entries.first?.osUser == "alice")
        filter = AuditFilter()
        filter.actor = "unification"
        #expect(try temp.vault.auditEntries(matching: filter).count == 3)
        filter.limit = 2
        #expect(try temp.vault.auditEntries(matching: filter).map(\.seq) == [2, 3])
    }

    @Test func queryFindsASubjectInsideBulkEntries() throws {
        let temp = try makeVault(entries: 2)
        defer { temp.remove() }
        let ids = try temp.vault.write(as: testActor, purpose: "unification") { w in
            try (0..<40).map { _ in try w.createSubject(jurisdiction: "gdpr") }
        }
        var filter = AuditFilter()
        filter.subject = ids[17]
        let bulk = try temp.vault.auditEntries(matching: filter)
        #expect(bulk.count == 1)
        #expect(bulk.first?.subjectCount == 40)
        #expect(try temp.vault.auditSubjects(ofEntry: bulk[0].seq) == ids.sorted())
        // An id made of the tail of one stored id and the head of the next is not a member.
        let sorted = ids.sorted()
        let straddling = try #require(SubjectID(bytes: Array(sorted[3].bytes[8...] + sorted[4].bytes[..<8])))
        filter.subject = straddling
        #expect(try temp.vault.auditEntries(matching: filter).isEmpty)
        #expect(try verify(temp.vault).isValid)
    }
}
