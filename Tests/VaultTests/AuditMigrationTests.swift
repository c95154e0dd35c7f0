import Foundation
import Testing
import VaultStore

@testable import Vault

/// Migration 6 moves the per-subject rows of `audit_subjects` into each entry's subject set.
@Suite struct AuditMigrationTests {
    @Test func subjectRowsBecomeSortedSetsThatMatchTheDigest() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-mig-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("vault.db").path
        let ids = try (0..<5).map { _ in try SubjectID.random() }
        do {
            let old = try Store(path: path, migrations: Array(VaultSchema.migrations.prefix(5)))
            try old.write { db in
                for (seq, subjects) in [(Int64(1), ids), (2, [ids[2]]), (3, [])] {
                    try db.run(
                        """
                        INSERT INTO audit_log (seq, at, actor, role, os_user, purpose, action, subject_count,
                            subjects_digest, fields, decision, reason, prev_hash, hash)
                            VALUES (?, 0, 'a', 'role', 'u', 'p', 'read', ?, ?, '', 'allowed', '', x'', x'')
                        """, [seq, Int64(subjects.count), AuditSubjectSet(subjects).digest])
                    for subject in subjects.reversed() {
                        try db.run("INSERT INTO audit_subjects (seq, subject) VALUES (?, ?)", [seq, subject.bytes])
                    }
                }
            }
        }
        let migrated = try Store(path: path, migrations: VaultSchema.migrations)
        let sets = try migrated.read { db in
            var sets: [Int64: [UInt8]] = [:]
            try db.forEachRow("SELECT seq, subjects, subjects_digest FROM audit_log ORDER BY seq") { row in
                let stored = row.blob(1)
                #expect(AuditSubjectSet.digest(of: stored) == row.blob(2))
                sets[row.int64(0)] = stored
            }
            return sets
        }
        #expect(sets[1] == AuditSubjectSet(ids).bytes)
        #expect(sets[2] == ids[2].bytes)
        #expect(sets[3] == [])
        #expect(throws: StoreError.self) { try migrated.write { try $0.execute("SELECT * FROM audit_subjects") } }
        #expect(throws: StoreError.self) {
            try migrated.write { try $0.execute("UPDATE audit_log SET reason = 'x' WHERE seq = 1") }
        }
    }
}
