import VaultStore

extension Vault {
    /// Signs a checkpoint of the audit log's current head, stores it, and returns it for export.
    /// - Throws: `VaultError(.invalidArgument)` when the log is empty.
    public func makeAuditCheckpoint(as actor: Actor) throws -> AuditCheckpoint {
        try store.write { db in
            let now = clock.now()
            try AuditLog.append(
                [
                    AuditLog.Draft(
                        actor: actor, role: roleName(of: actor), purpose: "audit", action: "checkpoint", subjects: [],
                        fields: [], decision: "allowed", reason: "")
                ], at: now, in: db, keyring: keyring)
            let (seq, hash) = try AuditLog.head(db)
            return try AuditLog.storeCheckpoint(seq: seq, hash: hash, at: now, in: db, keyring: keyring)
        }
    }
}
