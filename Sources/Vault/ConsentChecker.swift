public import Policy
import VaultStore

/// Consent checks one after another — at send time, a campaign checks each recipient just before
/// its message goes. Every answer includes every consent change committed before the call, by
/// this process or another, exactly like `Vault.consentStatus`; but while nothing is committed the
/// checks share one read transaction (`Store.currentRead`), so a check costs a lookup instead of
/// SQLite's transaction locking. Use it only inside `Vault.withConsentChecks`.
public struct ConsentChecker {
    let vault: Vault

    /// The subject's current consent for `purpose` (`expired` past its expiry, `absent` when no
    /// record exists).
    public func status(of subject: SubjectID, purpose: String) throws -> ConsentStatus {
        let now = vault.clock.now()
        return try vault.store.currentRead { db in
            try vault.consentStatus(of: subject, purpose: purpose, now: now, in: db)
        }
    }
}

@available(*, unavailable)
extension ConsentChecker: Sendable {}

extension Vault {
    /// Runs `body` with a `ConsentChecker`; the read transaction it keeps between checks ends
    /// with `body`, so that checkpoints can move past it.
    public func withConsentChecks<R>(_ body: (ConsentChecker) throws -> R) rethrows -> R {
        defer { store.endCurrentReads() }
        return try body(ConsentChecker(vault: self))
    }
}
