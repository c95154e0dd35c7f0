import VaultStore

extension VaultProbe {
    /// The latency of each consent check of `subjects` made inside one read transaction, in
    /// nanoseconds: the lookup alone, without the cost of beginning and ending a read transaction
    /// (shared-memory and file locks) that a standalone `consentStatus` pays.
    public static func consentCheckLatenciesInOneSnapshot(vault: Vault, subjects: [SubjectID], purpose: String)
        throws -> [UInt64]
    {
        let now = vault.now()
        return try vault.store.read { db in
            var latencies: [UInt64] = []
            latencies.reserveCapacity(subjects.count)
            for subject in subjects {
                let start = ContinuousClock.now
                _ = try vault.consentStatus(of: subject, purpose: purpose, now: now, in: db)
                let elapsed = ContinuousClock.now - start
                latencies.append(
                    UInt64(elapsed.components.seconds) * 1_000_000_000
                        + UInt64(elapsed.components.attoseconds / 1_000_000_000))
            }
            return latencies
        }
    }
}
