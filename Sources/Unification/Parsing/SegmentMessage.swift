/// One decoded Segment message. Identifiers and traits are personal data: the description shows
/// the type and line only.
struct SegmentMessage: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    /// The NDJSON line the message came from (every message of a batch shares its line).
    let line: Int
    /// The message type.
    let type: SegmentMessageType
    /// The sender's message id (deduplication key).
    let messageId: String
    /// When it happened, in milliseconds since the epoch.
    let timestamp: Int64
    /// The known user's id (the external id), if any.
    let userId: String?
    /// The device or browser id, if any.
    let anonymousId: String?
    /// `alias`: the previous id being linked to `userId`.
    let previousId: String?
    /// `group`: the group's id.
    let groupId: String?
    /// `track`: the event name (never empty).
    let event: String?
    /// `page` and `screen`: the page or screen name, if any.
    let name: String?
    /// `identify` traits, completed by `context.traits` (for every type).
    let traits: SegmentTraits
    /// `track`, `page`, `screen`: the raw bytes of the `properties` object, verbatim from the input
    /// (validated JSON), to be encrypted as they are; nil when absent or null.
    let properties: [UInt8]?

    /// Type and line only.
    var description: String { "SegmentMessage(\(type.rawValue), line: \(line))" }

    /// Type and line only, so that `dump` shows no value either.
    var customMirror: Mirror { Mirror(self, children: ["type": type.rawValue, "line": line]) }
}
