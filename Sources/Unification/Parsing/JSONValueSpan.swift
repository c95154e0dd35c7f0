/// Where one JSON value lies in a line, and of which kind (strings: the bytes between the quotes).
struct JSONValueSpan: Sendable, Equatable {
    /// The kinds of JSON value.
    enum Kind: Sendable, Equatable {
        case object, array, string, number, bool, null
    }

    /// The value's kind.
    let kind: Kind
    /// The index of the value's first byte (for a string: after the opening quote).
    let start: Int
    /// The index after the value's last byte (for a string: the closing quote).
    let end: Int
    /// For a string: true when it contains backslash escapes and must be decoded.
    let hasEscapes: Bool

    /// The value's kind as a message phrase ("a string", "an object", ...).
    static func phrase(for kind: Kind) -> String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}
