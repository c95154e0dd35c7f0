/// A strict UTF-8 validator (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF)
/// with an 8-bytes-at-a-time ASCII fast path.
enum UTF8Validation {
    /// True when `bytes[start..<end]` is valid UTF-8.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard start < end, let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index < end {
            if end - index >= 8 {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
            } else if lead < 0xE0 {
                guard lead >= 0xC2, end - index >= 2, base[index + 1] & 0xC0 == 0x80 else { return false }
                index += 2
            } else if lead < 0xF0 {
                guard end - index >= 3 else { return false }
                let second = base[index + 1]
                guard second & 0xC0 == 0x80, base[index + 2] & 0xC0 == 0x80 else { return false }
                // No overlong form (E0 80..9F) and no UTF-16 surrogate (ED A0..BF).
                if lead == 0xE0 && second < 0xA0 || lead == 0xED && second > 0x9F { return false }
                index += 3
            } else {
                guard lead <= 0xF4, end - index >= 4 else { return false }
                let second = base[index + 1]
                guard second & 0xC0 == 0x80, base[index + 2] & 0xC0 == 0x80, base[index + 3] & 0xC0 == 0x80 else {
                    return false
                }
                // No overlong form (F0 80..8F) and nothing above U+10FFFF (F4 90..BF).
                if lead == 0xF0 && second < 0x90 || lead == 0xF4 && second > 0x8F { return false }
                index += 4
            }
        }
        return true
    }

    /// True when all of `bytes` is valid UTF-8.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0, from: 0, to: $0.count) }
    }
}
