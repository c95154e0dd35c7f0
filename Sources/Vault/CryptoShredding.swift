import VaultStore

/// Crypto-shredding: destroy a subject's data key and delete every row that holds its data,
/// identities and derived copies in one transaction, then checkpoint the WAL so that no copy
/// of the deleted pages remains in it (`secure_delete` zeroes freed pages in the file).
extension Vault {
    /// What a shredding removed, in counts.
    public struct ShredReport: Sendable, Equatable, Codable {
        public var fields = 0
        public var identities = 0
        public var events = 0
        public var consents = 0
        public var moduleRecords = 0
    }

    /// Shreds `subjects` as `actor` for `purpose`, audited as one `erase` entry.
    /// - Parameter keepEventTypes: event types kept under a legal hold (they stay encrypted under
    ///   the subject's key, which is then kept; see the erasure workflow). Empty for a full shred.
    @discardableResult
    public func cryptoShred(_ subjects: [SubjectID], as actor: Actor, purpose: String, reason: String) throws
        -> ShredReport
    {
        var report = ShredReport()
        try store.write { db in
            for subject in subjects {
                guard try SubjectRecord.load(subject, in: db) != nil else {
                    throw VaultError(.unknownSubject, "subject \(subject) does not exist")
                }
                report.fields += try delete("DELETE FROM fields WHERE subject = ?", subject, db)
                report.identities += try delete("DELETE FROM identities WHERE subject = ?", subject, db)
                report.events += try delete("DELETE FROM events WHERE subject = ?", subject, db)
                report.consents += try delete("DELETE FROM consent_state WHERE subject = ?", subject, db)
                report.moduleRecords += try delete("DELETE FROM module_records WHERE subject = ?", subject, db)
                _ = try delete("DELETE FROM source_records WHERE subject = ?", subject, db)
                try eraseMergeTraces(subject, db)
                // The wrapped data key lives in the subject row: deleting it destroys the key.
                _ = try delete("DELETE FROM subjects WHERE id = ?", subject, db)
            }
            try AuditLog.append(
                [
                    AuditLog.Draft(
                        actor: actor, role: roleName(of: actor), purpose: purpose, action: "erase", subjects: subjects,
                        fields: ["*"], decision: "allowed", reason: reason)
                ], at: clock.now(), in: db, keyring: keyring)
        }
        for subject in subjects { keyring.forget(subject) }
        try store.withWriter { try $0.checkpointAndTruncateWAL() }
        return report
    }

    private func delete(_ sql: String, _ subject: SubjectID, _ db: Connection) throws -> Int {
        try db.run(sql, [subject.bytes])
        return db.changes
    }
}
