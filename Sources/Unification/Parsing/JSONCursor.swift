/// A validating JSON (RFC 8259) scanner over the bytes of one line. It does not build values: it
/// skips them and reports where they lie (`JSONValueSpan`), so that callers decode only the few
/// values they need and slice the rest (Segment `properties`) verbatim. Strings are checked for
/// control characters, escapes, surrogate pairs and UTF-8; nesting is limited to `maxDepth`.
struct JSONCursor {
    /// The deepest nesting accepted (deeper input is rejected, never a stack overflow).
    static let maxDepth = 64

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    /// The line's bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The current index.
    var index: Int
    /// The index after the last byte the cursor may read.
    let end: Int

    /// A cursor over `bytes[start..<end]`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.index = start
        self.end = end ?? bytes.count
    }

    /// True when only whitespace is left.
    mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return index >= end
    }

    /// Skips JSON whitespace.
    mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Consumes `byte` after optional whitespace, or throws naming `what` was expected.
    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        skipWhitespace()
        guard index < end, bytes[index] == byte else { throw failure("expected \(what)") }
        index += 1
    }

    /// Consumes `byte` after optional whitespace when it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// An error at the current position.
    func failure(_ what: String) -> JSONSyntaxError {
        index >= end
            ? JSONSyntaxError(detail: "\(what) but the line ended")
            : JSONSyntaxError(detail: "\(what) at byte \(index + 1)")
    }

    /// Skips one value (validating it) and returns where it lies.
    mutating func skipValue(depth: Int = 0) throws(JSONSyntaxError) -> JSONValueSpan {
        skipWhitespace()
        guard index < end else { throw failure("expected a value") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"):
            try skipObject(depth: depth + 1)
            return JSONValueSpan(kind: .object, start: start, end: index, hasEscapes: false)
        case UInt8(ascii: "["):
            try skipArray(depth: depth + 1)
            return JSONValueSpan(kind: .array, start: start, end: index, hasEscapes: false)
        case Self.quote:
            return try scanString()
        case UInt8(ascii: "t"):
            try literal("true")
            return JSONValueSpan(kind: .bool, start: start, end: index, hasEscapes: false)
        case UInt8(ascii: "f"):
            try literal("false")
            return JSONValueSpan(kind: .bool, start: start, end: index, hasEscapes: false)
        case UInt8(ascii: "n"):
            try literal("null")
            return JSONValueSpan(kind: .null, start: start, end: index, hasEscapes: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
            return JSONValueSpan(kind: .number, start: start, end: index, hasEscapes: false)
        default:
            throw failure("unexpected character")
        }
    }

    /// Reads the next member of an object whose `{` has been consumed: its key, or nil at `}`.
    /// `first` is true for the first member (no comma before it).
    mutating func nextKey(first: Bool) throws(JSONSyntaxError) -> JSONValueSpan? {
        if consume(UInt8(ascii: "}")) { return nil }
        if !first { try expect(UInt8(ascii: ","), "',' or '}'") }
        skipWhitespace()
        guard index < end, bytes[index] == Self.quote else { throw failure("expected a member name") }
        let key = try scanString()
        try expect(UInt8(ascii: ":"), "':'")
        return key
    }

    /// Moves to the next element of an array whose `[` has been consumed: false at `]`.
    mutating func nextElement(first: Bool) throws(JSONSyntaxError) -> Bool {
        if consume(UInt8(ascii: "]")) { return false }
        if !first { try expect(UInt8(ascii: ","), "',' or ']'") }
        return true
    }

    private mutating func skipObject(depth: Int) throws(JSONSyntaxError) {
        guard depth <= Self.maxDepth else { throw failure("nesting deeper than \(Self.maxDepth) levels") }
        index += 1
        var first = true
        while try nextKey(first: first) != nil {
            _ = try skipValue(depth: depth)
            first = false
        }
    }

    private mutating func skipArray(depth: Int) throws(JSONSyntaxError) {
        guard depth <= Self.maxDepth else { throw failure("nesting deeper than \(Self.maxDepth) levels") }
        index += 1
        var first = true
        while try nextElement(first: first) {
            _ = try skipValue(depth: depth)
            first = false
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard end - index >= count else { throw failure("invalid literal") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw failure("invalid literal")
        }
        index += count
    }

    private mutating func scanNumber() throws(JSONSyntaxError) {
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end, isDigit(bytes[index]) else { throw failure("invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        if index < end && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < end, isDigit(bytes[index]) else { throw failure("invalid number") }
            skipDigits()
        }
        if index < end && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard index < end, isDigit(bytes[index]) else { throw failure("invalid number") }
            skipDigits()
        }
    }

    private mutating func skipDigits() {
        while index < end && isDigit(bytes[index]) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// Scans a string at the opening quote; validates escapes, control characters and UTF-8.
    private mutating func scanString() throws(JSONSyntaxError) -> JSONValueSpan {
        let opening = index
        index += 1
        let start = index
        var hasEscapes = false
        var highBits: UInt64 = 0
        let base = UnsafeRawPointer(bytes.baseAddress)
        while true {
            while index < end {
                // Eight bytes at a time: a word without a quote, backslash or control character
                // is skipped whole; otherwise the scan jumps to the first such byte.
                if end - index >= 8, let base {
                    let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    let plain = Self.plainPrefixLength(word)
                    if plain == 8 {
                        highBits |= word
                        index += 8
                        continue
                    }
                    highBits |= word & ((1 &<< UInt64(8 * plain)) &- 1)
                    index += plain
                    break
                }
                let byte = bytes[index]
                if byte == Self.quote || byte == Self.backslash || byte < 0x20 { break }
                highBits |= UInt64(byte)
                index += 1
            }
            guard index < end else {
                throw JSONSyntaxError(detail: "string starting at byte \(opening + 1) is not closed")
            }
            let byte = bytes[index]
            if byte == Self.quote { break }
            if byte == Self.backslash {
                hasEscapes = true
                try skipEscape()
            } else {
                throw failure("control character in a string")
            }
        }
        let stringEnd = index
        index += 1
        if highBits & Self.highBitOfEachByte != 0 && !UTF8Validation.isValid(bytes, from: start, to: stringEnd) {
            throw JSONSyntaxError(detail: "string starting at byte \(opening + 1) is not valid UTF-8")
        }
        return JSONValueSpan(kind: .string, start: start, end: stringEnd, hasEscapes: hasEscapes)
    }

    private static let oneInEachByte: UInt64 = 0x0101_0101_0101_0101
    private static let highBitOfEachByte: UInt64 = 0x8080_8080_8080_8080

    /// How many of the eight bytes of `word` (little-endian: the first byte is the lowest) come
    /// before the first quote, backslash or byte below 0x20; 8 when there is none. Exact: a
    /// byte-wise subtraction borrows into higher bytes only from a byte that matched, so the
    /// lowest flagged byte is always a real match.
    @inline(__always)
    static func plainPrefixLength(_ word: UInt64) -> Int {
        func zeroBytes(_ v: UInt64) -> UInt64 { (v &- oneInEachByte) & ~v & highBitOfEachByte }
        let belowSpace = (word &- oneInEachByte &* 0x20) & ~word & highBitOfEachByte
        let flags = belowSpace | zeroBytes(word ^ (oneInEachByte &* 0x22)) | zeroBytes(word ^ (oneInEachByte &* 0x5C))
        return flags.trailingZeroBitCount / 8
    }

    /// Skips one escape sequence at the backslash; a `\u` high surrogate must be followed by a low one.
    private mutating func skipEscape() throws(JSONSyntaxError) {
        index += 1
        guard index < end else { throw failure("incomplete escape") }
        switch bytes[index] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 1
        case UInt8(ascii: "u"):
            let unit = try hexUnit(at: index + 1)
            index += 5
            if unit >= 0xDC00 && unit <= 0xDFFF { throw failure("unpaired surrogate escape") }
            if unit >= 0xD800 && unit <= 0xDBFF {
                guard end - index >= 6, bytes[index] == Self.backslash, bytes[index + 1] == UInt8(ascii: "u")
                else { throw failure("unpaired surrogate escape") }
                let low = try hexUnit(at: index + 2)
                guard low >= 0xDC00 && low <= 0xDFFF else { throw failure("unpaired surrogate escape") }
                index += 6
            }
        default:
            throw failure("invalid escape")
        }
    }

    /// The four hex digits at `position` as a UTF-16 code unit.
    func hexUnit(at position: Int) throws(JSONSyntaxError) -> UInt32 {
        guard end - position >= 4 else { throw failure("incomplete \\u escape") }
        var unit: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape")
            }
            unit = unit << 4 | UInt32(digit)
        }
        return unit
    }
}
