/// Byte comparisons against ASCII literals, for matching JSON keys without creating strings.
enum ASCIIBytes {
    /// True when `bytes` are exactly the bytes of `literal`.
    @inline(__always)
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count == count else { return false }
        let expected = literal.utf8Start
        for index in 0..<count where bytes[index] != expected[index] { return false }
        return true
    }

    /// Calls `body` with the bytes of a validated JSON string span, its escapes resolved.
    static func withString<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ span: JSONValueSpan, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        if !span.hasEscapes { return body(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])) }
        return JSONString.unescaped(bytes, span).withUnsafeBufferPointer(body)
    }
}
