/// The canonical byte encoding that the audit log and the consent ledger hash (see
/// `Audit/FORMAT.md`): unsigned integers as 8 bytes big-endian, signed as two's complement
/// 8 bytes big-endian, strings and byte strings as a 4-byte big-endian length then the bytes.
struct CanonicalEncoder {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func append(_ value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    mutating func append(_ value: Int64) { append(UInt64(bitPattern: value)) }

    mutating func append(_ value: String) { append(bytes: Array(value.utf8)) }

    /// Appends raw bytes (a text or blob column read in place) as a length-prefixed byte string.
    mutating func append(raw value: UnsafeRawBufferPointer) {
        let count = UInt32(value.count)
        for shift in stride(from: 24, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: count >> UInt32(shift)))
        }
        bytes.append(contentsOf: value)
    }

    /// Empties the buffer, keeping its capacity.
    mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    mutating func append(bytes value: [UInt8]) {
        let count = UInt32(value.count)
        for shift in stride(from: 24, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: count >> UInt32(shift)))
        }
        bytes.append(contentsOf: value)
    }
}
