/// Reads the identity-relevant traits out of an already validated `traits` object: string values
/// (numbers in their JSON spelling; empty strings, null, booleans, objects and arrays are ignored),
/// plus `address.city` and `address.country` when `city` and `country` are absent.
enum SegmentTraitsReader {
    /// The traits of the object at `span`.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ span: JSONValueSpan) -> SegmentTraits {
        var traits = SegmentTraits()
        var address: JSONValueSpan?
        forEachMember(bytes, span) { key, value in
            if let trait = SegmentTraitKey.named(key) {
                if let text = text(bytes, value) { traits[trait] = text }
            } else if value.kind == .object, ASCIIBytes.equal(key, "address") {
                address = value
            }
        }
        if let address {
            forEachMember(bytes, address) { key, value in
                guard let trait = SegmentTraitKey.named(key), trait == .city || trait == .country,
                    traits[trait] == nil, let text = text(bytes, value)
                else { return }
                traits[trait] = text
            }
        }
        return traits
    }

    /// The traits of `context.traits` in the context object at `span` (none when it is absent or
    /// not an object).
    static func contextTraits(_ bytes: UnsafeBufferPointer<UInt8>, _ span: JSONValueSpan) -> SegmentTraits {
        var found: JSONValueSpan?
        forEachMember(bytes, span) { key, value in
            if value.kind == .object, ASCIIBytes.equal(key, "traits") { found = value }
        }
        guard let found else { return SegmentTraits() }
        return read(bytes, found)
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ value: JSONValueSpan) -> String? {
        switch value.kind {
        case .string where value.end > value.start: JSONString.decode(bytes, value)
        case .number: String(decoding: UnsafeBufferPointer(rebasing: bytes[value.start..<value.end]), as: UTF8.self)
        default: nil
        }
    }

    /// Calls `body` with each member's key bytes (escapes resolved) and value span.
    private static func forEachMember(
        _ bytes: UnsafeBufferPointer<UInt8>, _ span: JSONValueSpan,
        _ body: (UnsafeBufferPointer<UInt8>, JSONValueSpan) -> Void
    ) {
        var cursor = JSONCursor(bytes, from: span.start, to: span.end)
        do throws(JSONSyntaxError) {
            try cursor.expect(UInt8(ascii: "{"), "'{'")
            var first = true
            while let key = try cursor.nextKey(first: first) {
                first = false
                let value = try cursor.skipValue(depth: 1)
                ASCIIBytes.withString(bytes, key) { body($0, value) }
            }
        } catch {
            return  // unreachable: the line was validated as a whole before
        }
    }
}
