/// A typed personal value. Its `description` is redacted, so that a value interpolated into a
/// log line or an error message never shows; read it explicitly with `text`/`number`/`list`.
public enum FieldValue: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    case string(String)
    /// A calendar date, canonical `yyyy-mm-dd`.
    case date(String)
    case number(Double)
    case list([String])

    public var description: String { "FieldValue(<redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .enum) }

    /// The value as display text (an explicit read of personal data).
    public var text: String {
        switch self {
        case .string(let s), .date(let s): s
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .list(let items): items.joined(separator: ", ")
        }
    }

    /// The type's name as the policy spells it.
    public var typeName: String {
        switch self {
        case .string: "string"
        case .date: "date"
        case .number: "number"
        case .list: "list"
        }
    }

    // MARK: Encoding (the plaintext inside a field ciphertext)

    /// Tag byte ‖ payload. Strings and dates are UTF-8; numbers 8 bytes big-endian IEEE 754;
    /// lists a 4-byte count then each item as 4-byte length ‖ UTF-8. (`FieldSealer` writes strings
    /// and dates the same way straight into its buffer.)
    func encoded() -> [UInt8] {
        switch self {
        case .string(let s): return [1] + Array(s.utf8)
        case .date(let s): return [2] + Array(s.utf8)
        case .number(let n): return [3] + Self.bigEndian(n.bitPattern)
        case .list(let items):
            var out: [UInt8] = [4] + Self.bigEndian32(UInt32(items.count))
            for item in items {
                let bytes = Array(item.utf8)
                out += Self.bigEndian32(UInt32(bytes.count)) + bytes
            }
            return out
        }
    }

    static func decode(_ bytes: [UInt8]) -> FieldValue? {
        bytes.withUnsafeBytes { decode($0) }
    }

    /// Decodes an encoded value read in place (the plaintext buffer of an AEAD open).
    static func decode(_ bytes: UnsafeRawBufferPointer) -> FieldValue? {
        guard let tag = bytes.first else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: bytes[1...])
        switch tag {
        case 1: return .string(String(decoding: body, as: UTF8.self))
        case 2: return .date(String(decoding: body, as: UTF8.self))
        case 3:
            guard body.count == 8 else { return nil }
            return .number(Double(bitPattern: UInt64(bigEndian: body.loadUnaligned(as: UInt64.self))))
        case 4:
            var index = 0
            func read32() -> Int? {
                guard body.count - index >= 4 else { return nil }
                let value = Int(UInt32(bigEndian: body.loadUnaligned(fromByteOffset: index, as: UInt32.self)))
                index += 4
                return value
            }
            guard let count = read32() else { return nil }
            var items: [String] = []
            for _ in 0..<count {
                guard let length = read32(), body.count - index >= length else { return nil }
                items.append(
                    String(decoding: UnsafeRawBufferPointer(rebasing: body[index..<index + length]), as: UTF8.self))
                index += length
            }
            return .list(items)
        default: return nil
        }
    }

    private static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }
    }

    private static func bigEndian32(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * UInt32($0))) }
    }
}
