/// A parsed JSON value that keeps the order of object members and where each value started.
struct JSONNode: Sendable {
    /// The value itself.
    let value: JSONValue
    /// The 1-based line where the value starts.
    let line: Int
    /// The 1-based column (in UTF-8 bytes) where the value starts.
    let column: Int
}

/// One member of a JSON object, in document order.
struct JSONMember: Sendable {
    /// The member's key.
    let key: String
    /// The member's value.
    let node: JSONNode
}

/// The kinds of JSON value. Numbers keep their source text so that integers are read exactly.
enum JSONValue: Sendable {
    case object([JSONMember])
    case array([JSONNode])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// The kind of value with an article, for messages: "an object", "a string", ...
    var kindDescription: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}
