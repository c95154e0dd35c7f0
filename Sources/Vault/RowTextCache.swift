import Foundation

/// The `String`s made for the text columns of recent rows, by row position, so that reading the
/// next subject's profile (whose rows carry the same field names and, mostly, the same sources in
/// the same order) compares bytes instead of decoding UTF-8 again. Holds field names and source
/// names only, never a personal value. Not thread-safe: owned by one `Vault`.
final class RowTextCache {
    private var slots: [(bytes: [UInt8], text: String)] = []

    /// Positions kept; rows past this are decoded every time.
    static let capacity = 128

    /// The text of `bytes` (UTF-8), as decoded for the same `position` before when the bytes match.
    func text(_ bytes: UnsafeRawBufferPointer, at position: Int) -> String {
        if position < slots.count {
            let slot = slots[position].bytes
            if slot.count == bytes.count,
                slot.withUnsafeBytes({
                    bytes.count == 0 || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0
                })
            {
                return slots[position].text
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if position < slots.count {
            slots[position] = (Array(bytes), text)
        } else if position == slots.count, position < Self.capacity {
            slots.append((Array(bytes), text))
        }
        return text
    }
}

@available(*, unavailable)
extension RowTextCache: Sendable {}
