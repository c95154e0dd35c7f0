import Foundation
import Messaging
import Policy
import Testing
import Vault

@Suite struct SendGateTests {
    let messaging = Actor(name: "messaging", osUser: "test")

    @Test func sendsOnlyWithCurrentConsentAndStopsAtWithdrawal() throws {
        let (vault, directory, people) = try MiniVault.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let gate = SendGate(vault: vault, actor: messaging)
        #expect(try gate.check(people[0], channel: .email) == .send(address: .string("p0@example.org")))
        guard case .skip(let reason) = try gate.check(people[1], channel: .email) else {
            Issue.record("sent without consent")
            return
        }
        #expect(reason.contains("consent"))
        try vault.recordConsents(
            [
                ConsentInput(
                    subject: people[0], purpose: "marketing.email", status: "withdrawn", source: .webForm,
                    textVersion: "gdpr-en-v2", collectedAt: 1_790_000_000_000)
            ],
            as: Actor(name: "compliance", osUser: "test"))
        if case .send = try gate.check(people[0], channel: .email) { Issue.record("sent after withdrawal") }
    }
}
