/// A value with blanks trimmed from both ends, after a check for control characters anywhere.
struct TrimmedText {
    /// The value without leading and trailing blanks.
    let text: Substring
    /// Whether every byte of the trimmed value is ASCII.
    let isASCII: Bool

    /// Scans `raw`; throws `.controlCharacter` if any scalar is a control character.
    init(_ raw: String) throws(NormalizationError) {
        var raw = raw
        let fast = raw.withUTF8 { bytes in Result { () throws(NormalizationError) in try Self.trimmedBytes(bytes) } }
        if let (start, end, ascii) = try fast.get() {
            let utf8 = raw.utf8
            text = raw[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
            isASCII = ascii
        } else {
            (text, isASCII) = try Self.trimmedScalars(raw)
        }
    }

    /// The fast path, over UTF-8 bytes, for text whose scalars all take one or two bytes (Latin,
    /// Cyrillic, Greek…): the byte range of the trimmed text and whether it is ASCII, or nil when
    /// a longer sequence needs `trimmedScalars`. In that range the only forbidden controls are C0,
    /// DEL, C1 (`C2 80`…`C2 9F`) and the Arabic letter mark (`D8 9C`); the only blanks are space
    /// and no-break space (`C2 A0`).
    static func trimmedBytes(_ bytes: UnsafeBufferPointer<UInt8>) throws(NormalizationError) -> (Int, Int, Bool)? {
        var ascii = true
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 || byte == 0x7F { throw .controlCharacter }
                index += 1
                continue
            }
            guard byte < 0xE0, index + 1 < count else { return nil }
            let next = bytes[index + 1]
            if byte == 0xC2 && next <= 0x9F { throw .controlCharacter }
            if byte == 0xD8 && next == 0x9C { throw .controlCharacter }
            ascii = false
            index += 2
        }
        func isNoBreakSpace(_ at: Int) -> Bool { at + 1 < count && bytes[at] == 0xC2 && bytes[at + 1] == 0xA0 }
        var start = 0
        var end = count
        while start < end {
            if bytes[start] == 0x20 {
                start += 1
            } else if isNoBreakSpace(start) {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            if bytes[end - 1] == 0x20 {
                end -= 1
            } else if end - start >= 2 && isNoBreakSpace(end - 2) {
                end -= 2
            } else {
                break
            }
        }
        if !ascii {
            ascii = true
            for offset in start..<end where bytes[offset] >= 0x80 {
                ascii = false
                break
            }
        }
        return (start, end, ascii)
    }

    /// The general path, scalar by scalar.
    static func trimmedScalars(_ raw: String) throws(NormalizationError) -> (Substring, Bool) {
        let scalars = raw.unicodeScalars
        var start: String.Index?
        var end = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if scalar.isForbiddenControl { throw .controlCharacter }
            if !scalar.isBlank {
                if start == nil { start = index }
                end = next
            }
            index = next
        }
        guard let first = start else { return (raw[raw.endIndex...], true) }
        let text = raw[first..<end]
        for byte in text.utf8 where byte >= 0x80 { return (text, false) }
        return (text, true)
    }
}
