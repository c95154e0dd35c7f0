/// Where the members of one Segment message object lie in the line, before decoding. Unknown
/// members are skipped (but validated); a repeated member keeps its last value, like
/// `JSONSerialization`.
struct SegmentRawFields {
    /// The members the parser looks at.
    enum Member {
        case type, messageId, timestamp, originalTimestamp, userId, anonymousId, previousId, groupId
        case event, name, traits, context, properties, batch

        /// The member a key names exactly, or nil.
        static func named(_ key: UnsafeBufferPointer<UInt8>) -> Member? {
            switch key.count {
            case 4: return ASCIIBytes.equal(key, "type") ? .type : (ASCIIBytes.equal(key, "name") ? .name : nil)
            case 5: return ASCIIBytes.equal(key, "event") ? .event : (ASCIIBytes.equal(key, "batch") ? .batch : nil)
            case 6: return ASCIIBytes.equal(key, "userId") ? .userId : (ASCIIBytes.equal(key, "traits") ? .traits : nil)
            case 7:
                return ASCIIBytes.equal(key, "context") ? .context : (ASCIIBytes.equal(key, "groupId") ? .groupId : nil)
            case 9:
                if ASCIIBytes.equal(key, "messageId") { return .messageId }
                return ASCIIBytes.equal(key, "timestamp") ? .timestamp : nil
            case 10:
                if ASCIIBytes.equal(key, "previousId") { return .previousId }
                return ASCIIBytes.equal(key, "properties") ? .properties : nil
            case 11: return ASCIIBytes.equal(key, "anonymousId") ? .anonymousId : nil
            case 17: return ASCIIBytes.equal(key, "originalTimestamp") ? .originalTimestamp : nil
            default: return nil
            }
        }
    }

    var type: JSONValueSpan?
    var messageId: JSONValueSpan?
    var timestamp: JSONValueSpan?
    var originalTimestamp: JSONValueSpan?
    var userId: JSONValueSpan?
    var anonymousId: JSONValueSpan?
    var previousId: JSONValueSpan?
    var groupId: JSONValueSpan?
    var event: JSONValueSpan?
    var name: JSONValueSpan?
    var traits: JSONValueSpan?
    var context: JSONValueSpan?
    var properties: JSONValueSpan?
    var batch: JSONValueSpan?

    /// Reads the object at the cursor (which must be at its `{`), recording the members it knows.
    init(reading cursor: inout JSONCursor) throws(JSONSyntaxError) {
        try cursor.expect(UInt8(ascii: "{"), "'{'")
        var first = true
        while let key = try cursor.nextKey(first: first) {
            first = false
            let value = try cursor.skipValue(depth: 1)
            guard let member = ASCIIBytes.withString(cursor.bytes, key, Member.named) else { continue }
            set(member, value)
        }
    }

    private mutating func set(_ member: Member, _ value: JSONValueSpan) {
        switch member {
        case .type: type = value
        case .messageId: messageId = value
        case .timestamp: timestamp = value
        case .originalTimestamp: originalTimestamp = value
        case .userId: userId = value
        case .anonymousId: anonymousId = value
        case .previousId: previousId = value
        case .groupId: groupId = value
        case .event: event = value
        case .name: name = value
        case .traits: traits = value
        case .context: context = value
        case .properties: properties = value
        case .batch: batch = value
        }
    }
}
