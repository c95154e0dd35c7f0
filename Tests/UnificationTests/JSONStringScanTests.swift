import Testing

@testable import Unification

/// `JSONCursor` scans strings eight bytes at a time and jumps to the first byte that ends the
/// plain run. The word test must find the same byte as a byte-at-a-time walk on every word, and a
/// string must be scanned the same whatever the position of its quote, escape, control character
/// or non-ASCII byte.
@Suite struct JSONStringScanTests {
    static func special(_ byte: UInt8) -> Bool { byte == 0x22 || byte == 0x5C || byte < 0x20 }

    /// The byte-at-a-time answer: bytes before the first special one, 8 when none is.
    static func plainPrefix(_ bytes: [UInt8]) -> Int { bytes.firstIndex(where: special) ?? 8 }

    static func word(_ bytes: [UInt8]) -> UInt64 {
        UInt64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
    }

    @Test func everySingleByteInEveryPositionIsClassifiedExactly() {
        for filler: UInt8 in [0x61, 0x20, 0x7F, 0x80, 0xC3, 0xFF, 0x21, 0x23, 0x5B, 0x5D] {
            for position in 0..<8 {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = UInt8(value)
                    #expect(
                        JSONCursor.plainPrefixLength(Self.word(bytes)) == Self.plainPrefix(bytes),
                        "filler \(filler), byte \(value) at \(position)")
                }
            }
        }
    }

    @Test func randomWordsAgreeWithTheByteWalk() {
        // Bytes drawn mostly from the edges of the classes (borrows between neighbours).
        let pool: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<200_000 {
            var bytes: [UInt8] = []
            for _ in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = Int(truncatingIfNeeded: state >> 33)
                bytes.append(pick % 4 == 0 ? UInt8(truncatingIfNeeded: pick >> 8) : pool[(pick >> 8) % pool.count])
            }
            #expect(JSONCursor.plainPrefixLength(Self.word(bytes)) == Self.plainPrefix(bytes))
        }
    }

    /// Scans `"` + `content` + `"` (followed by some trailing bytes past the string).
    func scan(_ content: [UInt8]) -> Result<JSONValueSpan, JSONSyntaxError> {
        let line = [UInt8(ascii: "\"")] + content + Array("\", \"more\": 1}".utf8)
        return line.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(buffer)
            do throws(JSONSyntaxError) {
                return .success(try cursor.skipValue())
            } catch {
                return .failure(error)
            }
        }
    }

    @Test func stringsEndAtTheirQuoteWhereverItFalls() throws {
        for length in 0...40 {
            let plain = [UInt8](repeating: UInt8(ascii: "x"), count: length)
            let span = try scan(plain).get()
            #expect(span.start == 1 && span.end == 1 + length && !span.hasEscapes)
            for position in 0...length {
                var escaped = plain
                escaped.insert(contentsOf: [0x5C, 0x22], at: position)
                let withEscape = try scan(escaped).get()
                #expect(withEscape.end == 1 + length + 2 && withEscape.hasEscapes, "escape at \(position) of \(length)")
            }
        }
    }

    @Test func controlCharactersAndBadUTF8AreRejectedAnywhere() throws {
        for length in 1...40 {
            for position in 0..<length {
                var content = [UInt8](repeating: UInt8(ascii: "y"), count: length)
                content[position] = 0x01
                guard case .failure = scan(content) else {
                    Issue.record("control character at \(position) of \(length) accepted")
                    continue
                }
                content[position] = 0xFF
                guard case .failure(let error) = scan(content) else {
                    Issue.record("invalid UTF-8 at \(position) of \(length) accepted")
                    continue
                }
                #expect(error.detail.contains("UTF-8"))
                content[position] = 0x7F
                #expect(try scan(content).get().end == 1 + length)
            }
            if length >= 2 {
                for position in 0..<(length - 1) {
                    var content = [UInt8](repeating: UInt8(ascii: "z"), count: length)
                    content[position] = 0xC3
                    content[position + 1] = 0xA9  // é
                    #expect(try scan(content).get().end == 1 + length, "é at \(position) of \(length)")
                }
            }
        }
    }
}
