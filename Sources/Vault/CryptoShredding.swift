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
                // The wrapped data key lives in the subject row: deleting it destroys the key.
                let counts = try SubjectPurge.purge(subject.bytes, deleteSubjectRow: true, in: db)
                report.fields += counts["fields", default: 0]
                report.identities += counts["identities", default: 0]
                report.events += counts["events", default: 0]
                report.consents += counts["consents", default: 0]
                report.moduleRecords += counts["moduleRecords", default: 0]
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

}
