/// The canonical byte encoding that the audit log and the consent ledger hash (see
/// `Audit/FORMAT.md`): unsigned integers as 8 bytes big-endian, signed as two's complement
/// 8 bytes big-endian, strings and byte strings as a 4-byte big-endian length then the bytes.
struct CanonicalEncoder {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: Int64) { append(UInt64(bitPattern: value)) }

    mutating func append(_ value: String) {
        var value = value
        value.withUTF8 { append(raw: UnsafeRawBufferPointer($0)) }
    }

    /// Appends raw bytes (a text or blob column read in place) as a length-prefixed byte string.
    mutating func append(raw value: UnsafeRawBufferPointer) {
        withUnsafeBytes(of: UInt32(value.count).bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: value)
    }

    /// Empties the buffer, keeping its capacity.
    mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    /// Exchanges the encoded bytes with `other` (no copy); the encoder then holds `other`'s old
    /// buffer, to be `reset()` before the next encoding.
    mutating func swapBytes(with other: inout [UInt8]) { swap(&bytes, &other) }

    mutating func append(bytes value: [UInt8]) {
        value.withUnsafeBytes { append(raw: $0) }
    }
}
