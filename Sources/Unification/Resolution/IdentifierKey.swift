/// An identifier as the resolver sees it: its kind and the blind-index token of its value.
public struct IdentifierKey: Hashable, Sendable {
    /// The kinds of identifier; raw values match the blind-index domains of `Normalization.IdentifierKind`.
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        /// The customer id of the source system: authoritative, never shared between people.
        case externalID = "external_id"
        /// A normalised e-mail address.
        case email
        /// A phone number in E.164.
        case phone
        /// A device or browser id (Segment's `anonymousId`).
        case anonymousID = "anonymous_id"
    }

    /// What the token identifies.
    public let kind: Kind
    /// The blind-index token of the normalised value.
    public let token: IdentifierToken

    /// Pairs a kind with a token.
    public init(kind: Kind, token: IdentifierToken) {
        self.kind = kind
        self.token = token
    }
}
