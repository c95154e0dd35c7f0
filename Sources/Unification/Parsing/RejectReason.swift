/// Why one record (a CSV row, an NDJSON line or a Segment message) was rejected. Carries limits
/// and counts but never the rejected value.
enum RejectReason: Sendable, Hashable {
    /// A quoted CSV field is not closed (before the end of the file or within the field length limit).
    case unterminatedQuote
    /// A quote inside an unquoted CSV field, or text after the closing quote of a quoted field.
    case strayQuote(afterClosingQuote: Bool)
    /// A CSV record has a different number of fields than the header.
    case wrongFieldCount(expected: Int, actual: Int)
    /// A field or line is not valid UTF-8.
    case invalidUTF8
    /// A CSV field exceeds the byte limit.
    case fieldTooLong(limit: Int)
    /// An NDJSON line exceeds the byte limit.
    case lineTooLong(limit: Int)
    /// An NDJSON line is not a JSON object; the detail names the position, not the content.
    case invalidJSON(String)
    /// A required field is absent or null.
    case missingField
    /// A required field is an empty string.
    case emptyField
    /// A field has the wrong JSON type.
    case wrongType(expected: String)
    /// A Segment message has neither `userId` nor `anonymousId`.
    case missingIdentity
    /// A Segment message has a `type` this importer does not know.
    case unknownType
    /// A timestamp is not `yyyy-MM-ddTHH:mm:ss(.fraction)?(Z|±hh:mm)` or names an impossible instant.
    case invalidTimestamp
    /// A value broke a normalisation rule (invalid e-mail, phone, date, control character...).
    case invalidValue(code: String, message: String)
    /// The identifier is on the suppression list (an erased person who objected).
    case suppressed
    /// No usable identifier is left to tell whose record it is.
    case noIdentifier
    /// The vault refused the record (unknown consent text, minor without guardian...).
    case refused(String)

    /// A stable snake_case code for reports and counts.
    var code: String {
        switch self {
        case .unterminatedQuote: "unterminated_quote"
        case .strayQuote: "stray_quote"
        case .wrongFieldCount: "wrong_field_count"
        case .invalidUTF8: "invalid_utf8"
        case .fieldTooLong: "field_too_long"
        case .lineTooLong: "line_too_long"
        case .invalidJSON: "invalid_json"
        case .missingField: "missing_field"
        case .emptyField: "empty_field"
        case .wrongType: "wrong_type"
        case .missingIdentity: "missing_identity"
        case .unknownType: "unknown_type"
        case .invalidTimestamp: "invalid_timestamp"
        case .invalidValue(let code, _): code
        case .suppressed: "suppressed"
        case .noIdentifier: "no_identifier"
        case .refused: "refused"
        }
    }

    /// A human-readable explanation without the value.
    var message: String {
        switch self {
        case .unterminatedQuote: "quoted field is not closed"
        case .strayQuote(let afterClosingQuote):
            afterClosingQuote
                ? "unexpected text after the closing quote of a quoted field"
                : "quote character inside an unquoted field"
        case .wrongFieldCount(let expected, let actual): "expected \(expected) fields, found \(actual)"
        case .invalidUTF8: "not valid UTF-8"
        case .fieldTooLong(let limit): "field is longer than \(limit) bytes"
        case .lineTooLong(let limit): "line is longer than \(limit) bytes"
        case .invalidJSON(let detail): "invalid JSON: \(detail)"
        case .missingField: "required field is missing"
        case .emptyField: "required field is empty"
        case .wrongType(let expected): "field is not \(expected)"
        case .missingIdentity: "message has neither userId nor anonymousId"
        case .unknownType: "unknown message type"
        case .invalidTimestamp: "timestamp is not a valid ISO 8601 instant"
        case .invalidValue(_, let message): message
        case .suppressed: "the person asked not to be contacted again (suppression list); record skipped"
        case .noIdentifier: "no valid identifier (external id, e-mail, phone) is left"
        case .refused(let message): message
        }
    }
}
