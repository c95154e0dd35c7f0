import Foundation

/// The `String`s of the few distinct short texts a scan meets over and over (event types,
/// sources), found by their bytes, so that a scan of millions of rows makes a handful of strings.
/// Holds metadata names only, never a personal value. Not thread-safe: one per scan.
final class TextInterner {
    private var bytes: [[UInt8]] = []
    private var texts: [String] = []
    /// The index of the last text returned (rows often repeat it).
    private var last = 0

    /// Distinct texts kept; past this, texts are decoded every time.
    static let capacity = 256

    /// The text of `value` (UTF-8).
    func text(_ value: UnsafeRawBufferPointer) -> String {
        if last < bytes.count, matches(last, value) { return texts[last] }
        for index in bytes.indices where matches(index, value) {
            last = index
            return texts[index]
        }
        let text = String(decoding: value, as: UTF8.self)
        if bytes.count < Self.capacity {
            bytes.append(Array(value))
            texts.append(text)
            last = bytes.count - 1
        }
        return text
    }

    private func matches(_ index: Int, _ value: UnsafeRawBufferPointer) -> Bool {
        bytes[index].withUnsafeBytes { stored in
            stored.count == value.count
                && (value.count == 0 || memcmp(stored.baseAddress!, value.baseAddress!, value.count) == 0)
        }
    }
}

@available(*, unavailable)
extension TextInterner: Sendable {}
