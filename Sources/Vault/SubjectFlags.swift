import VaultStore

/// Restriction and objection flags (GDPR Art. 18 and 21, 152-FZ blocking and Art. 15):
/// the accessors read them on every decision, so a change takes effect at the next call.
extension Vault {
    /// A flag on a subject that limits processing.
    public enum SubjectFlag: String, Sendable, CaseIterable {
        /// Processing restricted: only storage, legal claims and the subject's own requests.
        case restricted
        /// Objected to direct marketing: no marketing purpose, ever, until withdrawn by the subject.
        case objectedToMarketing = "objected_marketing"
        /// Objected to processing based on legitimate interest (Art. 21(1)).
        case objectedToProcessing = "objected_processing"
    }

    /// Sets or clears `flag` on `subject`, audited as `actor` with `reason`.
    public func setFlag(_ flag: SubjectFlag, to value: Bool, on subject: SubjectID, as actor: Actor, reason: String)
        throws
    {
        try store.write { db in
            guard try SubjectRecord.load(subject, in: db) != nil else {
                throw VaultError(.unknownSubject, "subject \(subject) does not exist")
            }
            let now = clock.now()
            try db.run(
                "UPDATE subjects SET \(flag.rawValue) = ?, updated_at = ? WHERE id = ?", [value, now, subject.bytes])
            try AuditLog.append(
                [
                    AuditLog.Draft(
                        actor: actor, role: roleName(of: actor), purpose: "dsr",
                        action: (value ? "set-" : "clear-") + flag.rawValue, subjects: [subject], fields: [],
                        decision: "allowed", reason: reason)
                ], at: now, in: db, keyring: keyring)
        }
    }
}
