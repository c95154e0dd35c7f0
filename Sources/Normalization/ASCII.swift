/// Byte-level helpers for ASCII text.
enum ASCII {
    /// `text` (all ASCII) with A–Z lowered; returns `whole` itself when `text` is all of it and has no capital.
    static func lowercased(_ text: Substring, whole: String) -> String {
        var hasCapital = false
        for byte in text.utf8 where byte &- 0x41 < 26 {
            hasCapital = true
            break
        }
        if !hasCapital {
            return text.startIndex == whole.startIndex && text.endIndex == whole.endIndex ? whole : String(text)
        }
        let count = text.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            for byte in text.utf8 {
                buffer[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                index += 1
            }
            return count
        }
    }

    /// `text` (ASCII) with a–z raised.
    static func uppercased(_ text: Substring) -> String {
        let count = text.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            for byte in text.utf8 {
                buffer[index] = byte &- 0x61 < 26 ? byte & 0xDF : byte
                index += 1
            }
            return count
        }
    }

    /// Whether `byte` is an ASCII letter.
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// Whether `byte` is an ASCII digit.
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
}
