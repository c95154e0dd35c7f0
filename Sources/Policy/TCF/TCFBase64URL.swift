/// Decodes one segment of a TC string: base64url (RFC 4648 §5) without padding, into packed bits.
///
/// TC strings are written without `=` padding; well-formed trailing padding (the segment length including it a
/// multiple of 4, at most two `=`) is tolerated because some encoders add it (the iabtcf-java test vectors do).
/// Every character carries 6 bits, so a segment of `n` characters holds exactly `6n` bits, whatever `n` is.
enum TCFBase64URL {
    /// The decoded bits of a segment: big-endian bytes, the last one zero-filled, and how many bits are real.
    struct Bits: Sendable {
        /// The bits, 8 to a byte, most significant first.
        let bytes: [UInt8]
        /// The number of meaningful bits (6 per character).
        let count: Int
    }

    /// Decodes `segment`, the UTF-8 bytes of one dot-separated part.
    /// - Throws: `TCStringError` `.invalidCharacter` with the character offset, or `.emptySegment`.
    static func decode(_ segment: some Collection<UInt8>) throws(TCStringError) -> Bits {
        let characters = Array(segment)
        let dataCount = try unpaddedCount(of: characters)
        guard dataCount > 0 else { throw TCStringError(.emptySegment, message: "the segment is empty") }
        var bytes = [UInt8](repeating: 0, count: (dataCount * 6 + 7) / 8)
        var bitIndex = 0
        for (offset, character) in characters.prefix(dataCount).enumerated() {
            guard let sextet = value(of: character) else {
                throw TCStringError(
                    .invalidCharacter, characterOffset: offset,
                    message: "not a base64url character (expected A-Z, a-z, 0-9, '-' or '_')")
            }
            for shift in stride(from: 5, through: 0, by: -1) where (sextet >> UInt8(shift)) & 1 == 1 {
                let position = bitIndex + (5 - shift)
                bytes[position / 8] |= 0x80 >> UInt8(position % 8)
            }
            bitIndex += 6
        }
        return Bits(bytes: bytes, count: bitIndex)
    }

    /// The number of characters before well-formed `=` padding; misplaced `=` is reported.
    private static func unpaddedCount(of characters: [UInt8]) throws(TCStringError) -> Int {
        let equals = UInt8(ascii: "=")
        var count = characters.count
        while count > 0, characters[count - 1] == equals { count -= 1 }
        let padding = characters.count - count
        if padding > 0 && (padding > 2 || characters.count % 4 != 0) {
            throw TCStringError(
                .invalidCharacter, characterOffset: count,
                message: "malformed '=' padding (TC strings are base64url without padding)")
        }
        return count
    }

    /// The 6-bit value of a base64url character, or `nil`.
    private static func value(of character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
