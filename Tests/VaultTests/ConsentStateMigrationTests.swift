import Foundation
import Testing
import VaultStore

@testable import Vault

/// Migration 8 re-keys `consent_state` by (purpose, subject) and indexes it by subject.
@Suite struct ConsentStateMigrationTests {
    @Test func rowsSurviveAndBothLookupsUseAnIndex() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-mig-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("vault.db").path
        let ids = try (0..<3).map { _ in try SubjectID.random() }
        let rowsSQL =
            "SELECT subject, purpose, status, expires_at, by_guardian, ledger_seq FROM consent_state ORDER BY subject, purpose"
        func rows(_ store: Store) throws -> [[DatabaseValue]] {
            try store.read { db in
                var rows: [[DatabaseValue]] = []
                try db.forEachRow(rowsSQL) { row in rows.append((0..<6).map { row.value(Int32($0)) }) }
                return rows
            }
        }
        let before: [[DatabaseValue]]
        do {
            let old = try Store(path: path, migrations: Array(VaultSchema.migrations.prefix(7)))
            try old.write { db in
                for (index, id) in ids.enumerated() {
                    for (purpose, status, expires) in [
                        ("analytics", "granted", Int64?.none), ("marketing.email", "withdrawn", Int64(5)),
                    ] {
                        try db.run(
                            "INSERT INTO consent_state (subject, purpose, status, expires_at, by_guardian, ledger_seq) VALUES (?, ?, ?, ?, ?, ?)",
                            [
                                id.bytes, purpose, status, expires.map { DatabaseValue.integer($0) } ?? .null,
                                Int64(index % 2), Int64(index * 2 + 1),
                            ])
                    }
                }
            }
            before = try rows(old)
        }
        #expect(before.count == 6)
        let migrated = try Store(path: path, migrations: VaultSchema.migrations)
        #expect(try rows(migrated) == before)
        let plans = try migrated.read { db in
            try [
                ("SELECT subject, status FROM consent_state WHERE purpose = ?", "analytics" as any DatabaseBindable),
                ("SELECT purpose FROM consent_state WHERE subject = ?", ids[0].bytes),
            ].map { sql, value in
                var details: [String] = []
                try db.forEachRow("EXPLAIN QUERY PLAN " + sql, [value]) {
                    details.append($0.text(3) ?? "")
                }
                return details.joined(separator: "; ")
            }
        }
        #expect(plans[0].contains("USING PRIMARY KEY (purpose=?)"))
        #expect(plans[1].contains("consent_state_by_subject"))
        // The state's upsert still finds its row by (purpose, subject).
        try migrated.write { db in
            try db.run(
                """
                INSERT INTO consent_state (subject, purpose, status, expires_at, by_guardian, ledger_seq)
                    VALUES (?, 'analytics', 'withdrawn', NULL, 0, 9)
                ON CONFLICT (purpose, subject) DO UPDATE SET status = excluded.status, ledger_seq = excluded.ledger_seq
                """, [ids[0].bytes])
            #expect(try db.scalarInt("SELECT count(*) FROM consent_state") == 6)
            #expect(
                try db.scalarInt(
                    "SELECT ledger_seq FROM consent_state WHERE subject = ? AND purpose = 'analytics' AND status = 'withdrawn'",
                    [ids[0].bytes]) == 9)
        }
    }
}
