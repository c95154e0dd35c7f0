/// Why two parts of a cluster were joined.
public enum MergeRule: String, Hashable, Sendable, CaseIterable, Codable {
    /// The same external id.
    case externalID = "external_id"
    /// The same e-mail address.
    case email
    /// The same phone number.
    case phone
    /// The same anonymous id.
    case anonymousID = "anonymous_id"
    /// A link between two identifiers supplied by the caller (e.g. an `identify` or `alias` event).
    case link

    /// The rule of a shared identifier of `kind`.
    init(sharing kind: IdentifierKey.Kind) {
        switch kind {
        case .externalID: self = .externalID
        case .email: self = .email
        case .phone: self = .phone
        case .anonymousID: self = .anonymousID
        }
    }
}
