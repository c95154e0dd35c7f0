/// One CSV record: its physical starting line and its fields as UTF-8 bytes, decoded to strings on
/// demand. It shares its memory with the reader (see `CSVRecordStorage`): a record dropped before
/// the next read costs no allocation, one kept around stays valid.
struct CSVRecord: Sendable, CustomStringConvertible, CustomReflectable {
    /// The 1-based physical line where the record starts (the header is line 1).
    let line: Int
    /// The number of fields.
    let count: Int
    private let storage: CSVRecordStorage

    /// A record of the first `count` fields in `storage`.
    init(line: Int, storage: CSVRecordStorage, count: Int) {
        self.line = line
        self.storage = storage
        self.count = count
    }

    /// Creates a record from decoded fields (tests and tools).
    init(line: Int, fields: [String]) {
        let total = fields.reduce(0) { $0 + $1.utf8.count }
        let storage = CSVRecordStorage(byteCapacity: total, endCapacity: fields.count)
        var offset = 0
        for (index, field) in fields.enumerated() {
            for byte in field.utf8 {
                storage.bytes[offset] = byte
                offset += 1
            }
            storage.ends[index] = offset
        }
        self.init(line: line, storage: storage, count: fields.count)
    }

    /// Calls `body` with the UTF-8 bytes of field `index`, without creating a string.
    func withUTF8<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        precondition(index >= 0 && index < count, "field index out of range")
        return try withExtendedLifetime(storage) {
            let start = index == 0 ? 0 : storage.ends[index - 1]
            return try body(UnsafeBufferPointer(start: storage.bytes + start, count: storage.ends[index] - start))
        }
    }

    /// Field `index` decoded as a string (the reader has validated its UTF-8).
    subscript(index: Int) -> String {
        withUTF8(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of all fields together (unescaped, without separators).
    var byteCount: Int {
        count == 0 ? 0 : withExtendedLifetime(storage) { storage.ends[count - 1] }
    }

    /// True when field `index` is the empty string.
    func isEmpty(at index: Int) -> Bool {
        withUTF8(at: index) { $0.isEmpty }
    }

    /// Every field decoded as a string.
    var fields: [String] {
        (0..<count).map { self[$0] }
    }

    /// Line and field count only: a record's values are personal data and never printed.
    var description: String { "CSVRecord(line: \(line), fields: \(count))" }

    /// Line and field count only, so that `dump` shows no value either.
    var customMirror: Mirror { Mirror(self, children: ["line": line, "count": count]) }
}
