/// The kinds of identifier that identify a customer; the raw value names the blind-index domain.
public enum IdentifierKind: String, Sendable, CaseIterable, Hashable, Codable {
    /// The customer id of the source system.
    case externalID = "external_id"
    /// An e-mail address.
    case email
    /// A phone number, canonical in E.164.
    case phone
    /// A device or browser id (Segment's `anonymousId`).
    case anonymousID = "anonymous_id"
}
