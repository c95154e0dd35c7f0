/// Turns the members of one message object (`SegmentRawFields`) into a `SegmentMessage`, or the
/// first problem found, checked in this order: message id, timestamp, identity, then the
/// type's own required member (`event`, `previousId`, `groupId`), then `traits` and `properties`.
struct SegmentMessageDecoder {
    /// What an identifier-like member holds.
    private enum Scalar {
        case missing, empty, wrongType
        case value(String)
    }

    /// The line's bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The line number.
    let line: Int
    /// The JSON path prefix of the message (`""`, or `"batch[2]."` inside a batch).
    let path: String
    /// Batch-level `context.traits`, filling in what the message lacks.
    let inheritedTraits: SegmentTraits

    /// A rejection of this message for `field`.
    func problem(_ field: String, _ reason: RejectReason) -> SegmentParseOutcome {
        .problem(RecordProblem(line: line, field: path + field, reason: reason))
    }

    /// Decodes a message of `type`.
    func decode(_ fields: SegmentRawFields, type: SegmentMessageType) -> SegmentParseOutcome {
        let messageId: String
        switch scalar(fields.messageId) {
        case .missing: return problem("messageId", .missingField)
        case .empty: return problem("messageId", .emptyField)
        case .wrongType: return problem("messageId", .wrongType(expected: "a string"))
        case .value(let value): messageId = value
        }
        let timestampSpan = fields.timestamp.flatMap { $0.kind == .null ? nil : $0 } ?? fields.originalTimestamp
        guard let timestampSpan, timestampSpan.kind != .null else { return problem("timestamp", .missingField) }
        guard let timestamp = milliseconds(timestampSpan) else { return problem("timestamp", .invalidTimestamp) }

        let userId: String?
        switch scalar(fields.userId) {
        case .missing, .empty: userId = nil
        case .wrongType: return problem("userId", .wrongType(expected: "a string"))
        case .value(let value): userId = value
        }
        let anonymousId: String?
        switch scalar(fields.anonymousId) {
        case .missing, .empty: anonymousId = nil
        case .wrongType: return problem("anonymousId", .wrongType(expected: "a string"))
        case .value(let value): anonymousId = value
        }
        guard userId != nil || anonymousId != nil else { return problem("userId/anonymousId", .missingIdentity) }

        var event: String?
        var previousId: String?
        var groupId: String?
        var name: String?
        switch type {
        case .track:
            switch textValue(fields.event) {
            case .missing: return problem("event", .missingField)
            case .empty: return problem("event", .emptyField)
            case .wrongType: return problem("event", .wrongType(expected: "a string"))
            case .value(let value): event = value
            }
        case .alias:
            guard case .value(let value) = scalar(fields.previousId) else {
                return problem("previousId", .missingField)
            }
            previousId = value
        case .group:
            guard case .value(let value) = scalar(fields.groupId) else { return problem("groupId", .missingField) }
            groupId = value
        case .page, .screen:
            switch textValue(fields.name) {
            case .missing, .empty: name = nil
            case .wrongType: return problem("name", .wrongType(expected: "a string"))
            case .value(let value): name = value
            }
        case .identify:
            break
        }

        var traits = SegmentTraits()
        if type == .identify, let span = fields.traits, span.kind != .null {
            guard span.kind == .object else { return problem("traits", .wrongType(expected: "an object")) }
            traits = SegmentTraitsReader.read(bytes, span)
        }
        if let context = fields.context, context.kind == .object {
            traits.fillMissing(from: SegmentTraitsReader.contextTraits(bytes, context))
        }
        traits.fillMissing(from: inheritedTraits)

        var properties: [UInt8]?
        if type == .track || type == .page || type == .screen, let span = fields.properties, span.kind != .null {
            guard span.kind == .object else { return problem("properties", .wrongType(expected: "an object")) }
            properties = Array(bytes[span.start..<span.end])
        }
        let message = SegmentMessage(
            line: line, type: type, messageId: messageId, timestamp: timestamp, userId: userId,
            anonymousId: anonymousId, previousId: previousId, groupId: groupId, event: event, name: name,
            traits: traits, properties: properties)
        return .message(message)
    }

    /// An identifier: a string, or a number in its JSON spelling; null is missing.
    private func scalar(_ span: JSONValueSpan?) -> Scalar {
        guard let span else { return .missing }
        switch span.kind {
        case .null: return .missing
        case .string:
            return span.start == span.end ? .empty : .value(JSONString.decode(bytes, span))
        case .number:
            return .value(String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self))
        case .object, .array, .bool: return .wrongType
        }
    }

    /// A name: a string that is not only spaces; null is missing.
    private func textValue(_ span: JSONValueSpan?) -> Scalar {
        guard let span else { return .missing }
        switch span.kind {
        case .null: return .missing
        case .string:
            let text = JSONString.decode(bytes, span)
            return text.allSatisfy(\.isWhitespace) ? .empty : .value(text)
        case .number, .object, .array, .bool: return .wrongType
        }
    }

    private func milliseconds(_ span: JSONValueSpan) -> Int64? {
        guard span.kind == .string else { return nil }
        return ASCIIBytes.withString(bytes, span) { ISO8601Timestamp.milliseconds($0, from: 0, to: $0.count) }
    }
}
