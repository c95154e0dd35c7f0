public import Normalization
import VaultCrypto
import VaultStore

extension Vault {
    /// Records an operation that reads no personal value (verifying or querying the audit log,
    /// making a report) in the audit log, so that every command leaves a trace.
    public func recordOperation(
        as actor: Actor, purpose: String, action: String, subjects: [SubjectID] = [], reason: String = ""
    )
        throws
    {
        _ = try store.write { db in
            try AuditLog.append(
                [
                    AuditLog.Draft(
                        actor: actor, role: roleName(of: actor), purpose: purpose, action: action, subjects: subjects,
                        fields: [], decision: "allowed", reason: reason)
                ], at: clock.now(), in: db, keyring: keyring)
        }
    }

    /// How many identities of each kind are linked to `subject` (the values themselves are only
    /// blind-index tokens and cannot be shown).
    public func identityCounts(of subject: SubjectID) throws -> [IdentityKind: Int] {
        try store.read { db in
            var counts: [IdentityKind: Int] = [:]
            try db.forEachRow("SELECT kind, count(*) FROM identities WHERE subject = ? GROUP BY kind", [subject.bytes])
            {
                if let kind = IdentityKind(rawValue: $0.text(0) ?? "") { counts[kind] = Int($0.int64(1)) }
            }
            return counts
        }
    }
}

extension Vault {
    /// The vault's Ed25519 public key (hex), to verify checkpoints and destruction records.
    public func auditCheckpointPublicKey() throws -> String { Hex.encode(keyring.signingKey.publicKey.bytes) }
}
