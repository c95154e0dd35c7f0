/// Decodes one NDJSON line of Segment Tracking API messages: a message object, or a batch
/// (`{"batch": [...]}`, with or without `"type": "batch"`) whose messages are flattened, each
/// rejected or accepted on its own (problems name `batch[i].field`). Batch-level `context.traits`
/// fill in what a message's own traits lack.
///
/// The whole line is validated as JSON first; a syntax error rejects the line with the position,
/// never the content. Hand-written rather than `JSONSerialization`: it skips what it does not need,
/// slices `properties` verbatim and decodes only a handful of strings.
enum SegmentMessageParser {
    /// The messages (or problems) of `line`.
    static func parse(_ line: NDJSONLine) -> [SegmentParseOutcome] {
        line.bytes.withUnsafeBufferPointer { parse($0, line: line.number) }
    }

    /// The messages (or problems) of the line `bytes`, numbered `line`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> [SegmentParseOutcome] {
        var cursor = JSONCursor(bytes)
        let fields: SegmentRawFields
        do throws(JSONSyntaxError) {
            cursor.skipWhitespace()
            if cursor.index < cursor.end && bytes[cursor.index] != UInt8(ascii: "{") {
                _ = try cursor.skipValue()
                if cursor.isAtEnd() { throw JSONSyntaxError(detail: "the line is not a JSON object") }
                throw cursor.failure("unexpected text after the value")
            }
            fields = try SegmentRawFields(reading: &cursor)
            if !cursor.isAtEnd() { throw cursor.failure("unexpected text after the object") }
        } catch {
            return [.problem(RecordProblem(line: line, field: nil, reason: .invalidJSON(error.detail)))]
        }
        let decoder = SegmentMessageDecoder(bytes: bytes, line: line, path: "", inheritedTraits: SegmentTraits())
        switch messageType(bytes, fields.type) {
        case .batch:
            return batch(bytes, line: line, fields)
        case .missing:
            if fields.batch != nil { return batch(bytes, line: line, fields) }
            return [decoder.problem("type", .missingField)]
        case .wrongType:
            return [decoder.problem("type", .wrongType(expected: "a string"))]
        case .unknown:
            return [decoder.problem("type", .unknownType)]
        case .message(let type):
            return [decoder.decode(fields, type: type)]
        }
    }

    /// What a `type` member names.
    private enum TypeName {
        case missing, wrongType, unknown, batch
        case message(SegmentMessageType)
    }

    private static func messageType(_ bytes: UnsafeBufferPointer<UInt8>, _ span: JSONValueSpan?) -> TypeName {
        guard let span, span.kind != .null else { return .missing }
        guard span.kind == .string else { return .wrongType }
        return ASCIIBytes.withString(bytes, span) { name in
            if let type = SegmentMessageType.named(name) { return .message(type) }
            return ASCIIBytes.equal(name, "batch") ? .batch : .unknown
        }
    }

    /// The messages of a batch line.
    private static func batch(
        _ bytes: UnsafeBufferPointer<UInt8>, line: Int, _ fields: SegmentRawFields
    ) -> [SegmentParseOutcome] {
        let top = SegmentMessageDecoder(bytes: bytes, line: line, path: "", inheritedTraits: SegmentTraits())
        guard let span = fields.batch, span.kind != .null else { return [top.problem("batch", .missingField)] }
        guard span.kind == .array else { return [top.problem("batch", .wrongType(expected: "an array"))] }
        var inherited = SegmentTraits()
        if let context = fields.context, context.kind == .object {
            inherited = SegmentTraitsReader.contextTraits(bytes, context)
        }
        var outcomes: [SegmentParseOutcome] = []
        var cursor = JSONCursor(bytes, from: span.start, to: span.end)
        var index = 0
        do throws(JSONSyntaxError) {
            try cursor.expect(UInt8(ascii: "["), "'['")
            while try cursor.nextElement(first: index == 0) {
                let decoder = SegmentMessageDecoder(
                    bytes: bytes, line: line, path: "batch[\(index)].", inheritedTraits: inherited)
                index += 1
                cursor.skipWhitespace()
                guard bytes[cursor.index] == UInt8(ascii: "{") else {
                    _ = try cursor.skipValue(depth: 1)
                    let reason = RejectReason.wrongType(expected: "an object")
                    outcomes.append(.problem(RecordProblem(line: line, field: "batch[\(index - 1)]", reason: reason)))
                    continue
                }
                let element = try SegmentRawFields(reading: &cursor)
                switch messageType(bytes, element.type) {
                case .missing: outcomes.append(decoder.problem("type", .missingField))
                case .wrongType: outcomes.append(decoder.problem("type", .wrongType(expected: "a string")))
                case .unknown, .batch: outcomes.append(decoder.problem("type", .unknownType))
                case .message(let type): outcomes.append(decoder.decode(element, type: type))
                }
            }
        } catch {
            return [.problem(RecordProblem(line: line, field: "batch", reason: .invalidJSON(error.detail)))]
        }
        return outcomes
    }
}
