/// A strict JSON parser (RFC 8259) that keeps member order, records positions and reports duplicate keys.
///
/// `JSONSerialization` silently keeps one of two equal keys; a policy with a duplicated purpose or actor must
/// fail instead, so this parser records every duplicate (with its path) and keeps the first occurrence.
struct JSONParser {
    /// A key that appeared twice in the same object.
    struct DuplicateKey: Sendable {
        /// The path of the repeated member.
        let path: JSONPath
        /// The repeated key.
        let key: String
        /// The line of the repetition.
        let line: Int
        /// The line of the first occurrence.
        let firstLine: Int
    }

    /// A document that is not JSON.
    struct SyntaxError: Error, Sendable {
        /// What is wrong, without quoting the document.
        let message: String
        /// The path of the value being read when parsing failed.
        let path: JSONPath
        /// The 1-based line.
        let line: Int
        /// The 1-based column in UTF-8 bytes.
        let column: Int
    }

    /// The deepest nesting accepted; policies are shallow, and this keeps recursion bounded.
    static let maximumDepth = 64

    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    /// Duplicate keys found so far.
    private(set) var duplicates: [DuplicateKey] = []

    /// Creates a parser over UTF-8 `bytes`; a leading byte-order mark is skipped.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        lineStart = offset
    }

    /// Parses the whole document: one value and nothing but whitespace after it.
    mutating func parseDocument() throws(SyntaxError) -> JSONNode {
        skipWhitespace()
        let node = try parseValue(at: .root, depth: 0)
        skipWhitespace()
        if offset < bytes.count { throw error("unexpected content after the end of the document", at: .root) }
        return node
    }

    // MARK: Values

    private mutating func parseValue(at path: JSONPath, depth: Int) throws(SyntaxError) -> JSONNode {
        guard depth < Self.maximumDepth else {
            throw error("nesting deeper than \(Self.maximumDepth) levels", at: path)
        }
        guard let byte = peek() else { throw error("unexpected end of document, expected a value", at: path) }
        let startLine = line
        let startColumn = column
        let value: JSONValue
        switch byte {
        case UInt8(ascii: "{"): value = try parseObject(at: path, depth: depth)
        case UInt8(ascii: "["): value = try parseArray(at: path, depth: depth)
        case UInt8(ascii: "\""): value = .string(try parseString(at: path))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try parseNumber(at: path))
        case UInt8(ascii: "t"):
            try expectLiteral("true", at: path)
            value = .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false", at: path)
            value = .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null", at: path)
            value = .null
        default: throw error("unexpected character \(describe(byte)), expected a value", at: path)
        }
        return JSONNode(value: value, line: startLine, column: startColumn)
    }

    private mutating func parseObject(at path: JSONPath, depth: Int) throws(SyntaxError) -> JSONValue {
        offset += 1  // {
        var members: [JSONMember] = []
        var firstLines: [String: Int] = [:]
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            offset += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a string key", at: path) }
            let keyLine = line
            let key = try parseString(at: path)
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after a key", at: path.appending(key)) }
            offset += 1
            skipWhitespace()
            let node = try parseValue(at: path.appending(key), depth: depth + 1)
            if let firstLine = firstLines[key] {
                duplicates.append(
                    DuplicateKey(path: path.appending(key), key: key, line: keyLine, firstLine: firstLine))
            } else {
                firstLines[key] = keyLine
                members.append(JSONMember(key: key, node: node))
            }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"):
                offset += 1
                return .object(members)
            case nil: throw error("unexpected end of document inside an object", at: path)
            default: throw error("expected ',' or '}' in an object", at: path)
            }
        }
    }

    private mutating func parseArray(at path: JSONPath, depth: Int) throws(SyntaxError) -> JSONValue {
        offset += 1  // [
        var elements: [JSONNode] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            offset += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(at: path.appending(elements.count), depth: depth + 1))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"):
                offset += 1
                return .array(elements)
            case nil: throw error("unexpected end of document inside an array", at: path)
            default: throw error("expected ',' or ']' in an array", at: path)
            }
        }
    }

    // MARK: Scalars

    private mutating func parseString(at path: JSONPath) throws(SyntaxError) -> String {
        offset += 1  // opening quote
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        while true {
            guard let byte = peek() else { throw error("unterminated string", at: path) }
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                try flush(&run, into: &scalars, at: path)
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush(&run, into: &scalars, at: path)
                offset += 1
                scalars.append(try parseEscape(at: path))
            case 0..<0x20:
                throw error("control character in a string (escape it)", at: path)
            default:
                run.append(byte)
                offset += 1
            }
        }
    }

    /// Appends a run of raw UTF-8 bytes to `scalars`, rejecting invalid UTF-8.
    private func flush(
        _ run: inout [UInt8], into scalars: inout String.UnicodeScalarView, at path: JSONPath
    ) throws(SyntaxError) {
        guard !run.isEmpty else { return }
        guard let text = String(validating: run, as: UTF8.self) else {
            throw error("invalid UTF-8 in a string", at: path)
        }
        scalars.append(contentsOf: text.unicodeScalars)
        run.removeAll(keepingCapacity: true)
    }

    private mutating func parseEscape(at path: JSONPath) throws(SyntaxError) -> Unicode.Scalar {
        guard let byte = peek() else { throw error("unterminated escape sequence", at: path) }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHexQuad(at: path)
            if (0xD800...0xDBFF).contains(high) {
                guard peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
                    throw error("unpaired surrogate in a \\u escape", at: path)
                }
                offset += 2
                let low = try parseHexQuad(at: path)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("unpaired surrogate in a \\u escape", at: path)
                }
                let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw error("invalid \\u escape", at: path) }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw error("unpaired surrogate in a \\u escape", at: path) }
            return scalar
        default:
            throw error("invalid escape sequence \\\(describe(byte))", at: path)
        }
    }

    private mutating func parseHexQuad(at path: JSONPath) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = Self.hexValue(byte) else {
                throw error("expected four hexadecimal digits after \\u", at: path)
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func parseNumber(at path: JSONPath) throws(SyntaxError) -> String {
        let start = offset
        if peek() == UInt8(ascii: "-") { offset += 1 }
        if peek() == UInt8(ascii: "0") {
            offset += 1
        } else if isDigit(peek()) {
            skipDigits()
        } else {
            throw error("invalid number", at: path)
        }
        if peek() == UInt8(ascii: ".") {
            offset += 1
            guard isDigit(peek()) else { throw error("invalid number: expected digits after '.'", at: path) }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            offset += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            guard isDigit(peek()) else { throw error("invalid number: expected digits in the exponent", at: path) }
            skipDigits()
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private mutating func expectLiteral(_ literal: String, at path: JSONPath) throws(SyntaxError) {
        for expected in literal.utf8 {
            guard peek() == expected else { throw error("invalid literal, expected \(literal)", at: path) }
            offset += 1
        }
    }

    // MARK: Bytes

    private var column: Int { offset - lineStart + 1 }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private mutating func skipDigits() {
        while isDigit(peek()) { offset += 1 }
    }

    private mutating func skipWhitespace() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): offset += 1
            case UInt8(ascii: "\n"):
                offset += 1
                line += 1
                lineStart = offset
            default: return
            }
        }
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "0x" + String(byte, radix: 16)
    }

    private func error(_ message: String, at path: JSONPath) -> SyntaxError {
        SyntaxError(message: message, path: path, line: line, column: column)
    }
}
