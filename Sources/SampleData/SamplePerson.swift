public import Foundation

/// One ground-truth person with canonical identifiers, as the generator made it before any mess.
public struct SamplePerson: Sendable, Hashable {
    /// Which identifier a person shares with one other household member.
    public enum SharedIdentifier: String, Sendable, Hashable {
        /// The e-mail address is shared.
        case email
        /// The phone number is shared.
        case phone
    }

    /// Zero-based position in generation order.
    public let index: Int
    /// The ground-truth id used in `truth.csv` (`P00000000`).
    public let personId: String
    /// The business customer id (`C` and 12 digits); nil for the one in five persons without one.
    public let externalId: String?
    /// Canonical lower-case e-mail address (may be shared with a household member, see `sharedIdentifier`).
    public let email: String
    /// Canonical E.164 phone number (may be shared with a household member, see `sharedIdentifier`).
    public let phone: String
    /// Given name as recorded by the first source (Cyrillic or Latin).
    public let firstName: String
    /// Family name as recorded by the first source.
    public let lastName: String
    /// Date of birth, `yyyy-mm-dd`.
    public let birthDate: String
    /// Gender as the sources record it: `f`, `m`, or empty when never recorded.
    public let gender: String
    /// City name in the local script.
    public let city: String
    /// ISO 3166-1 alpha-2 country code (RU, KZ, UA, BG, DE, FR, PL, ES or IE).
    public let country: String
    /// Jurisdiction: 152-FZ for RU and KZ, GDPR otherwise.
    public let jurisdiction: SampleJurisdiction
    /// ISO 639-1 language code (ru, uk, bg, de, fr, pl, es, en).
    public let language: String
    /// When the person first became a customer.
    public let createdAt: Date
    /// The behavioural pattern of the person's events.
    public let behaviour: SampleBehaviour
    /// Anonymous device ids used in events (one to three).
    public let anonymousIds: [String]
    /// The identifier shared with the next household member made (only at dirt level 1 and above, and only for
    /// persons with an external id); both members carry it. Only the very last household starter of a run can be
    /// left without a partner, its identifier then being unique after all.
    public let sharedIdentifier: SharedIdentifier?
    /// The consent text version the person agreed to (one of `consentTextVersions`).
    public let consentTextVersion: String
}
