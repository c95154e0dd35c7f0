import Foundation
import Policy
import Testing
import VaultStore

@testable import Vault

/// Checks in a `withConsentChecks` run share a read transaction, yet each one sees every consent
/// change committed before it (GDPR Art. 7(3): a withdrawal takes effect at once).
@Suite struct ConsentCheckerTests {
    let compliance = Actor(name: "compliance", osUser: "alice")
    let now: Int64 = 1_790_000_000_000
    let day: Int64 = 86_400_000

    func input(_ subject: SubjectID, _ status: String, at: Int64, expires: Int64? = nil) -> ConsentInput {
        ConsentInput(
            subject: subject, purpose: "marketing.email", status: status, source: .webForm, textVersion: "gdpr-en-v1",
            collectedAt: at, expiresAt: expires, givenBy: .subject, evidence: "form-42", ipAddress: nil)
    }

    func makeVault() throws -> (TemporaryVault, [SubjectID]) {
        let temp = try TemporaryVault(clock: FixedClock(now), consentTexts: StubConsentTexts())
        let ids = try temp.vault.write(as: testActor, purpose: "unification") { w in
            try (0..<3).map { _ in try w.createSubject(jurisdiction: "gdpr") }
        }
        return (temp, ids)
    }

    /// A second `Vault` on the same files stands for another process.
    func otherProcess(_ temp: TemporaryVault) throws -> Vault {
        var options = Vault.Options(policy: testPolicy)
        options.clock = FixedClock(now)
        options.testClock = true
        options.consentTexts = StubConsentTexts()
        return try Vault.open(at: temp.directory, options: options)
    }

    @Test func aWithdrawalElsewhereStopsTheVeryNextCheck() throws {
        let (temp, ids) = try makeVault()
        defer { temp.remove() }
        try temp.vault.recordConsents(ids.map { input($0, "granted", at: now - day) }, as: compliance)
        let other = try otherProcess(temp)
        try temp.vault.withConsentChecks { checker in
            for _ in 0..<10 {
                #expect(try ids.allSatisfy { try checker.status(of: $0, purpose: "marketing.email") == .granted })
            }
            try other.recordConsents([input(ids[1], "withdrawn", at: now - 1)], as: compliance)
            #expect(try checker.status(of: ids[1], purpose: "marketing.email") == .withdrawn)
            #expect(try checker.status(of: ids[0], purpose: "marketing.email") == .granted)
            // And a grant elsewhere shows as soon as it is committed.
            try other.recordConsents([input(ids[1], "granted", at: now)], as: compliance)
            #expect(try checker.status(of: ids[1], purpose: "marketing.email") == .granted)
        }
    }

    @Test func answersMatchTheStandaloneCheck() throws {
        let (temp, ids) = try makeVault()
        defer { temp.remove() }
        try temp.vault.recordConsents(
            [input(ids[0], "granted", at: now - 2 * day, expires: now - day), input(ids[1], "refused", at: now - day)],
            as: compliance)
        try temp.vault.withConsentChecks { checker in
            for id in ids {
                let standalone = try temp.vault.consentStatus(of: id, purpose: "marketing.email")
                #expect(try checker.status(of: id, purpose: "marketing.email") == standalone)
            }
            #expect(temp.vault.store.holdsCurrentSnapshot)
            #expect(try checker.status(of: ids[0], purpose: "marketing.email") == .expired)
            #expect(try checker.status(of: ids[1], purpose: "marketing.email") == .refused)
            #expect(try checker.status(of: ids[2], purpose: "marketing.email") == .absent)
        }
    }

    @Test func theRunEndsItsReadTransaction() throws {
        let (temp, ids) = try makeVault()
        defer { temp.remove() }
        _ = try temp.vault.withConsentChecks { try $0.status(of: ids[0], purpose: "marketing.email") }
        #expect(!temp.vault.store.holdsCurrentSnapshot)
    }
}
