/// Hex helpers for known-answer vectors.
extension Array where Element == UInt8 {
    init(hex: String) {
        let digits = Array(hex.utf8).filter { $0 != 32 }
        self = stride(from: 0, to: digits.count, by: 2).map { index in
            UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16)!
        }
    }

    var hex: String { map { String(($0 >> 4), radix: 16) + String($0 & 0xF, radix: 16) }.joined() }
}
