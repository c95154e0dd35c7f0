public import Normalization

/// A behavioural event to store. Type and time stay in the clear (segments filter on them);
/// the properties are personal data and are encrypted with the subject's data key.
public struct NewEvent: Sendable {
    /// The subject the event belongs to.
    public var subject: SubjectID
    /// The event type (`track:Order Completed`, `page`, `identify`...).
    public var type: String
    /// When it happened, in milliseconds since the epoch.
    public var at: Int64
    /// Where it came from (`web`, `app`, an import file...).
    public var source: String
    /// The sender's message id; the same id twice is stored once.
    public var messageID: String
    /// The event's properties as bytes (usually JSON).
    public var properties: [UInt8]

    /// Creates an event.
    public init(subject: SubjectID, type: String, at: Int64, source: String, messageID: String, properties: [UInt8]) {
        self.subject = subject
        self.type = type
        self.at = at
        self.source = source
        self.messageID = messageID
        self.properties = properties
    }
}

/// The kinds of identity the vault indexes (the normalisation rules of each live in `Normalization`).
public typealias IdentityKind = IdentifierKind
