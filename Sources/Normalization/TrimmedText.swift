/// A value with blanks trimmed from both ends, after a check for control characters anywhere.
struct TrimmedText {
    /// The value without leading and trailing blanks.
    let text: Substring
    /// Whether every byte of the trimmed value is ASCII.
    let isASCII: Bool

    /// Scans `raw`; throws `.controlCharacter` if any scalar is a control character.
    init(_ raw: String) throws(NormalizationError) {
        var ascii = true
        for byte in raw.utf8 {
            if byte < 0x20 || byte == 0x7F { throw .controlCharacter }
            if byte >= 0x80 { ascii = false }
        }
        if ascii {
            let bytes = raw.utf8
            var start = bytes.startIndex
            var end = bytes.endIndex
            while start < end, bytes[start] == 0x20 { bytes.formIndex(after: &start) }
            while end > start, bytes[bytes.index(before: end)] == 0x20 { bytes.formIndex(before: &end) }
            text = raw[start..<end]
            isASCII = true
            return
        }
        let scalars = raw.unicodeScalars
        var start: String.Index?
        var end = scalars.startIndex
        var index = scalars.startIndex
        var asciiInside = true
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
        guard let first = start else {
            text = raw[raw.endIndex...]
            isASCII = true
            return
        }
        text = raw[first..<end]
        for byte in text.utf8 where byte >= 0x80 {
            asciiInside = false
            break
        }
        isASCII = asciiInside
    }
}
