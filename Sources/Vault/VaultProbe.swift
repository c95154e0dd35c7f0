import VaultStore

/// Timing probes for the benchmark tool. They exercise internal paths (decryption without the
/// accessor) and return only durations and counts — never a value.
public enum VaultProbe {
    /// Decrypts every field of each subject once through the internal read path and returns the
    /// latency of each read in nanoseconds.
    public static func profileReadLatencies(vault: Vault, subjects: [SubjectID]) throws -> [UInt64] {
        try vault.store.read { db in
            var latencies: [UInt64] = []
            latencies.reserveCapacity(subjects.count)
            var fieldCount = 0
            for subject in subjects {
                let start = ContinuousClock.now
                guard let record = try SubjectRecord.load(subject, in: db) else { continue }
                fieldCount += try vault.decryptFields(of: record, names: nil, in: db).count
                let elapsed = ContinuousClock.now - start
                latencies.append(
                    UInt64(elapsed.components.seconds) * 1_000_000_000
                        + UInt64(elapsed.components.attoseconds / 1_000_000_000))
            }
            precondition(fieldCount > 0 || subjects.isEmpty, "the probe read no field")
            return latencies
        }
    }

    /// Appends `count` audit entries in one transaction (each touching one subject) and returns
    /// the number written.
    public static func appendAuditEntries(vault: Vault, count: Int, actor: Actor) throws -> Int {
        let subject = try SubjectID.random()
        let drafts = (0..<count).map { index in
            AuditLog.Draft(
                actor: actor, role: "module", purpose: "analytics", action: "read", subjects: [subject],
                fields: ["city", "country"], decision: "allowed", reason: "probe \(index)")
        }
        return try vault.store.write { db in
            try AuditLog.append(drafts, at: vault.clock.now(), in: db, keyring: vault.keyring).count
        }
    }
}
