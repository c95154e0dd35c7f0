/// The fixed-capacity memory of one CSV record: field bytes and field end offsets. Immutable once a
/// `CSVRecord` refers to it; the scanner writes into it again only while it holds the sole
/// reference (`isKnownUniquelyReferenced`), so records stay valid and `Sendable`, and a reader
/// whose records are dropped promptly allocates nothing per record.
final class CSVRecordStorage: @unchecked Sendable {
    /// The field bytes, concatenated.
    let bytes: UnsafeMutablePointer<UInt8>
    /// Capacity of `bytes`.
    let byteCapacity: Int
    /// The end offset of each field in `bytes`.
    let ends: UnsafeMutablePointer<Int>
    /// Capacity of `ends`.
    let endCapacity: Int

    /// Allocates room for `byteCapacity` bytes and `endCapacity` fields.
    init(byteCapacity: Int, endCapacity: Int) {
        self.byteCapacity = max(byteCapacity, 16)
        self.endCapacity = max(endCapacity, 4)
        bytes = .allocate(capacity: self.byteCapacity)
        ends = .allocate(capacity: self.endCapacity)
    }

    /// A larger copy holding the first `byteCount` bytes and `fieldCount` ends of `other`.
    convenience init(
        copying other: CSVRecordStorage, byteCount: Int, fieldCount: Int, byteCapacity: Int, endCapacity: Int
    ) {
        self.init(byteCapacity: byteCapacity, endCapacity: endCapacity)
        bytes.update(from: other.bytes, count: byteCount)
        ends.update(from: other.ends, count: fieldCount)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }
}
