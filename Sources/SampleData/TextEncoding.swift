/// JSON string escaping and RFC 4180 field quoting, written straight into a byte buffer.
extension ByteBuffer {
    /// Appends `text` as a JSON string literal, quotes included (escapes `"`, `\` and control characters).
    mutating func append(jsonString text: String) {
        append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                if runStart < index { append(bytes: utf8[runStart..<index]) }
                runStart = index + 1
                switch byte {
                case 0x22: append("\\\"")
                case 0x5C: append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                default:
                    append("\\u00")
                    append(hex: UInt64(byte), digits: 2)
                }
            }
            if runStart < utf8.count { append(bytes: utf8[runStart..<utf8.count]) }
        }
        append(UInt8(ascii: "\""))
    }

    /// Appends `text` as one CSV field, quoted (with doubled quotes) only when it holds a comma, quote, CR or LF.
    mutating func append(csvField text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var needsQuotes = false
            for byte in utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
            guard needsQuotes else {
                append(bytes: utf8[...])
                return
            }
            append(UInt8(ascii: "\""))
            for byte in utf8 {
                if byte == 0x22 { append(UInt8(ascii: "\"")) }
                append(byte)
            }
            append(UInt8(ascii: "\""))
        }
    }
}
