import Foundation
import Policy
import Testing
import VaultStore

@testable import Vault

/// A bulk scan returns exactly the subjects that single reads for the same purpose would be
/// allowed, whatever mix of consent, restriction and objection they carry.
@Suite struct ScanDecisionTests {
    let segmentation = Actor(name: "segmentation", osUser: "svc")

    @Test(arguments: ["profiling", "marketing.email", "analytics"])
    func theScanAgreesWithSingleReadDecisions(purpose: String) throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let ids = try temp.vault.write(as: testActor, purpose: "unification") { w in
            try (0..<24).map { index in
                let id = try w.createSubject(jurisdiction: index % 2 == 0 ? "gdpr" : "152fz")
                try w.setField("city", of: id, to: .string("City \(index)"), source: "crm")
                try w.setField("country", of: id, to: .string("RU"), source: "crm")
                return id
            }
        }
        let statuses = ["granted", "withdrawn", "refused", nil]
        try temp.vault.store.write { db in
            for (index, id) in ids.enumerated() {
                guard let status = statuses[index % statuses.count] else { continue }
                // Every third grant has lapsed.
                let expires: Int64? = status == "granted" && index % 3 == 0 ? 1_700_000_000_000 : nil
                try db.run(
                    "INSERT INTO consent_state (subject, purpose, status, expires_at, by_guardian, ledger_seq) VALUES (?, ?, ?, ?, 0, 0)",
                    [id.bytes, purpose, status, expires.map(DatabaseValue.integer) ?? .null])
            }
            // A consent row of a subject that no longer exists is skipped.
            try db.run(
                "INSERT INTO consent_state (subject, purpose, status, expires_at, by_guardian, ledger_seq) VALUES (?, ?, 'granted', NULL, 0, 0)",
                [try SubjectID.random().bytes, purpose])
        }
        for (index, id) in ids.enumerated() where index % 5 == 1 {
            try temp.vault.setFlag(.restricted, to: true, on: id, as: testActor, reason: "test")
        }
        for (index, id) in ids.enumerated() where index % 7 == 2 {
            try temp.vault.setFlag(.objectedToMarketing, to: true, on: id, as: testActor, reason: "test")
        }
        let access = temp.vault.access(as: segmentation)
        var scanned: [SubjectID] = []
        let summary = try access.scan(fields: ["city"], purpose: purpose) { scanned.append($0.subject) }
        var expected: [SubjectID] = []
        var deniedReasons: [String: Int] = [:]
        for id in ids {
            let decision = try access.read(id, fields: ["city"], purpose: purpose).decision
            if decision.allowedFields.isEmpty {
                deniedReasons[decision.deniedFields.first?.reason.description ?? decision.summary, default: 0] += 1
            } else {
                expected.append(id)
            }
        }
        #expect(scanned == expected.sorted())
        #expect(summary.returned == expected.count)
        #expect(summary.denied == deniedReasons)
    }
}
