public import Foundation

/// The consent decision a TC string implies for one Tresor purpose, ready for the consent ledger.
public struct TCFConsentDecision: Sendable, Hashable {
    /// The Tresor consent purpose, e.g. `analytics`.
    public let purpose: String
    /// Whether the string grants the purpose; `false` records a refusal.
    public let granted: Bool
    /// Why it was granted or refused.
    public let reason: TCFDecisionReason
    /// When the user made the choice: the string's `LastUpdated`.
    public let collectedAt: Date
    /// The CMP, screen, vendor list and policy versions behind the decision.
    public let evidence: TCFConsentEvidence

    /// Creates a decision; `granted` is true exactly when `reason` is `.consented`.
    public init(purpose: String, reason: TCFDecisionReason, collectedAt: Date, evidence: TCFConsentEvidence) {
        self.purpose = purpose
        self.granted = reason == .consented
        self.reason = reason
        self.collectedAt = collectedAt
        self.evidence = evidence
    }
}
