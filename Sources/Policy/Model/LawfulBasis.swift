/// A lawful basis for processing (GDPR Art. 6(1) (a)–(f); 152-FZ Art. 6(1) has matching grounds).
public enum LawfulBasis: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Art. 6(1)(a): the subject consented to this purpose.
    case consent
    /// Art. 6(1)(b): needed to perform a contract with the subject.
    case contract
    /// Art. 6(1)(c): needed to comply with a legal obligation.
    case legalObligation = "legal_obligation"
    /// Art. 6(1)(f): the controller's legitimate interest; the subject may object (Art. 21(1)).
    case legitimateInterest = "legitimate_interest"
    /// Art. 6(1)(d): to protect someone's vital interests.
    case vitalInterest = "vital_interest"
    /// Art. 6(1)(e): a task in the public interest; the subject may object (Art. 21(1)).
    case publicTask = "public_task"

    /// Whether an objection under GDPR Art. 21(1) stops processing on this basis.
    public var isObjectable: Bool { self == .legitimateInterest || self == .publicTask }

    /// The name used in policy files, e.g. `legal_obligation`.
    public var description: String { rawValue }
}
