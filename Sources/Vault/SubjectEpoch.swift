import VaultStore

/// A counter in `meta` that SQLite triggers raise whenever a subject row is deleted or its data
/// key changes (erasure, merge, key rotation — in any process). The keyring compares it before
/// trusting cached keys (`Keyring.synchronize(epoch:)`).
enum SubjectEpoch {
    /// The current value.
    static func current(in db: Connection) throws -> Int64 {
        try db.scalarInt("SELECT value FROM meta WHERE key = 'subject_epoch'") ?? 0
    }
}
