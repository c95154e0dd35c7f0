import Policy
public import Vault

/// The consent check a campaign makes at send time (invariant 5): for each recipient, the
/// channel's contact field is read through the accessors for the channel's marketing purpose,
/// so a withdrawal, objection or restriction made a second ago stops the send. The check is
/// audited like any read. (Campaigns, templates and delivery are a later issue.)
public struct SendGate {
    /// A messaging channel and the field and purpose it needs.
    public enum Channel: String, Sendable, CaseIterable {
        case email, sms, push, viber

        /// The contact field a message on this channel goes to.
        public var contactField: String {
            switch self {
            case .email: "email"
            case .sms, .viber: "phone"
            case .push: "anonymous_id"
            }
        }

        /// The marketing purpose a promotional message on this channel serves.
        public var purpose: String { "marketing.\(rawValue)" }
    }

    /// The outcome for one recipient.
    public enum Verdict: Sendable, Equatable {
        /// May be sent to this (decrypted) address.
        case send(address: FieldValue)
        /// Must not be sent; the reason comes from the policy decision (no personal value).
        case skip(reason: String)
    }

    let vault: Vault
    let actor: Actor

    /// A gate reading as `actor` (normally the `messaging` module).
    public init(vault: Vault, actor: Actor) {
        self.vault = vault
        self.actor = actor
    }

    /// Decides whether a promotional message on `channel` may go to `subject` now.
    public func check(_ subject: SubjectID, channel: Channel) throws -> Verdict {
        let result = try vault.access(as: actor).read(subject, fields: [channel.contactField], purpose: channel.purpose)
        if let address = result.values[channel.contactField] { return .send(address: address) }
        if let denial = result.decision.deniedFields.first { return .skip(reason: denial.reason.description) }
        return .skip(reason: "no \(channel.contactField) on file")
    }
}
