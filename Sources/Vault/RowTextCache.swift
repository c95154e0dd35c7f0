import Foundation

/// The `String`s made for the text columns of recent rows, by row position, so that reading the
/// next subject's profile (whose rows carry the same field names and, mostly, the same sources in
/// the same order) compares bytes instead of decoding UTF-8 again. Holds field names and source
/// names only, never a personal value. Not thread-safe: owned by one `Vault`.
final class RowTextCache {
    /// Positions kept; rows past this are decoded every time.
    static let capacity = 128
    /// Longest text kept, in bytes; longer texts are decoded every time.
    static let slotSize = 64

    /// The bytes of each position's text, in fixed-size slots. Raw memory, allocated once: the
    /// per-row path then has no array copy-on-write or exclusivity checks.
    private let bytes = UnsafeMutableRawPointer.allocate(byteCount: capacity * slotSize, alignment: 16)
    /// Each position's text and its length in bytes (-1: empty slot).
    private let slots = UnsafeMutablePointer<(count: Int, text: String)>.allocate(capacity: capacity)

    init() { slots.initialize(repeating: (-1, ""), count: Self.capacity) }

    deinit {
        slots.deinitialize(count: Self.capacity)
        slots.deallocate()
        bytes.deallocate()
    }

    /// The cache seen through plain pointers, for per-row loops: using a view does no reference
    /// counting. Valid only while this cache lives; whoever holds a view keeps the cache too.
    var view: View { View(bytes: bytes, slots: slots) }

    /// The text of `value` (UTF-8), as decoded for the same `position` before when the bytes match.
    func text(_ value: UnsafeRawBufferPointer, at position: Int) -> String { view.text(value, at: position) }

    /// See `RowTextCache.view`.
    struct View {
        fileprivate let bytes: UnsafeMutableRawPointer
        fileprivate let slots: UnsafeMutablePointer<(count: Int, text: String)>

        /// The text of `value` (UTF-8), as decoded for the same `position` before when the bytes match.
        func text(_ value: UnsafeRawBufferPointer, at position: Int) -> String {
            guard position < RowTextCache.capacity, value.count <= RowTextCache.slotSize else {
                return String(decoding: value, as: UTF8.self)
            }
            let slot = bytes + position * RowTextCache.slotSize
            if slots[position].count == value.count,
                value.count == 0 || memcmp(slot, value.baseAddress!, value.count) == 0
            {
                return slots[position].text
            }
            let text = String(decoding: value, as: UTF8.self)
            if value.count > 0 { slot.copyMemory(from: value.baseAddress!, byteCount: value.count) }
            slots[position] = (value.count, text)
            return text
        }
    }
}

@available(*, unavailable)
extension RowTextCache: Sendable {}
