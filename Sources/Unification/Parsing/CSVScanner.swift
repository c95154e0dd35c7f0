/// The RFC 4180 state machine of `CSVReader`: scans one record at a time, chunk by chunk, copying
/// field bytes (unescaped, at most `maxFieldLength` per field, at most `storeLimit` fields) into
/// reusable storage. It resumes across chunk boundaries in any state.
struct CSVScanner {
    /// Where in a record the scanner stands.
    enum State {
        /// Before the first byte of a field.
        case fieldStart
        /// Inside an unquoted field.
        case unquoted
        /// Inside a quoted field.
        case quoted
        /// Just after a quote inside a quoted field: an escaped quote or the closing one.
        case quoteInQuoted
        /// A carriage return after a closing quote, expecting a line feed.
        case closingCR
    }

    /// How a record ended at the end of the file.
    enum EndOfFile {
        /// No record was pending.
        case nothingPending
        /// The record is complete (the last line had no line break).
        case record
        /// A quoted field was still open.
        case unterminatedQuote
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// The longest field kept, in bytes.
    let maxFieldLength: Int
    /// The number of fields whose bytes are kept; later fields are only counted.
    var storeLimit: Int

    /// Where the stored fields go (see `CSVRecordStorage` for the sharing rule).
    private var storage: CSVRecordStorage
    /// `storage.bytes`, cached so that the scanning loop touches no class property.
    private var byteBase: UnsafeMutablePointer<UInt8>
    private var byteCapacity: Int
    /// `storage.ends`, cached likewise.
    private var endBase: UnsafeMutablePointer<Int>
    private var endCapacity: Int
    /// The number of bytes stored for the record.
    private(set) var byteCount = 0
    /// The number of fields stored for the record (at most `storeLimit`).
    private(set) var storedFieldCount = 0
    /// The number of fields seen in the record (stored or not).
    private(set) var fieldCount = 0
    /// The first problem found in the record and the index of its column.
    private(set) var problem: (reason: RejectReason, column: Int)?
    /// The physical line where the record starts.
    private(set) var startLine = 1
    /// The current physical line (1-based).
    var line = 1
    /// The absolute offset just after the first line feed inside the record, where reading resumes
    /// when the record is given up on.
    private(set) var firstLineEnd: Int?
    /// True when a quoted field spanning lines grew past the limit: treated as an unterminated quote.
    private(set) var runawayQuote = false
    /// The column of the quoted field that is open (for `unterminatedQuote`).
    private(set) var openQuoteColumn = 0
    /// The last byte of the previous chunk (for a carriage return before a line feed across chunks).
    var previousByte: UInt8 = 0

    private var state = State.fieldStart
    private var fieldLength = 0
    private var sawQuote = false

    /// Creates a scanner keeping fields up to `maxFieldLength` bytes and up to `storeLimit` fields.
    init(maxFieldLength: Int, storeLimit: Int) {
        self.maxFieldLength = maxFieldLength
        self.storeLimit = storeLimit
        let storage = CSVRecordStorage(byteCapacity: 1024, endCapacity: 16)
        self.storage = storage
        byteBase = storage.bytes
        byteCapacity = storage.byteCapacity
        endBase = storage.ends
        endCapacity = storage.endCapacity
    }

    /// True when the record just scanned was an empty line.
    var isBlankLine: Bool {
        fieldCount == 1 && !sawQuote && problem == nil && storedFieldCount == 1 && endBase[0] == 0
    }

    /// The record just scanned (sharing the storage; see `CSVRecordStorage`).
    func makeRecord() -> CSVRecord {
        CSVRecord(line: startLine, storage: storage, count: storedFieldCount)
    }

    /// The stored bytes and field ends of the record just scanned.
    func withFields<Result>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) -> Result) -> Result {
        withExtendedLifetime(storage) {
            body(
                UnsafeBufferPointer(start: byteBase, count: byteCount),
                UnsafeBufferPointer(start: endBase, count: storedFieldCount))
        }
    }

    /// Resets the per-record state. Writes into the same storage unless a record still refers to it.
    mutating func beginRecord() {
        if !isKnownUniquelyReferenced(&storage) {
            // The caller kept the previous record: leave it alone, size the new storage like it.
            replaceStorage(
                byteCapacity: max(256, byteCount * 2), endCapacity: max(storedFieldCount, 16), keeping: false)
        }
        byteCount = 0
        storedFieldCount = 0
        fieldCount = 0
        problem = nil
        startLine = line
        firstLineEnd = nil
        runawayQuote = false
        state = .fieldStart
        fieldLength = 0
        sawQuote = false
    }

    /// Scans `chunk` from `start` (the chunk begins at absolute offset `baseOffset`). Returns the
    /// index just after the record's terminator, or nil when the chunk ended first.
    mutating func scan(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int, baseOffset: Int) -> Int? {
        guard let base = chunk.baseAddress else { return nil }
        let count = chunk.count
        var index = start
        while index < count {
            switch state {
            case .fieldStart, .unquoted:
                if state == .fieldStart {
                    if base[index] == Self.quote {
                        state = .quoted
                        sawQuote = true
                        openQuoteColumn = fieldCount
                        index += 1
                        continue
                    }
                    state = .unquoted
                }
                // Stay in this loop from one unquoted field to the next (the common case).
                unquotedFields: while true {
                    let spanStart = index
                    index = Self.nextSpecialByte(base, from: index, count: count, quoted: false)
                    append(base, from: spanStart, to: index)
                    guard index < count else { break unquotedFields }
                    let byte = base[index]
                    if byte == Self.comma {
                        endField()
                        index += 1
                        if index < count && base[index] != Self.quote { continue unquotedFields }
                        state = .fieldStart
                        break unquotedFields
                    } else if byte == Self.quote {
                        note(.strayQuote(afterClosingQuote: false))
                        append(Self.quote)
                        index += 1
                    } else {
                        let before = index > 0 ? base[index - 1] : previousByte
                        if before == Self.carriageReturn { dropTrailingCarriageReturn() }
                        return endRecord(at: index)
                    }
                }
            case .quoted:
                let spanStart = index
                index = Self.nextSpecialByte(base, from: index, count: count, quoted: true)
                append(base, from: spanStart, to: index)
                guard index < count else { break }
                index += 1
                if base[index - 1] == Self.quote {
                    state = .quoteInQuoted
                    continue
                }
                append(Self.lineFeed)
                line += 1
                if firstLineEnd == nil { firstLineEnd = baseOffset + index }
                if fieldLength > maxFieldLength {
                    runawayQuote = true
                    return index
                }
            case .quoteInQuoted:
                let byte = base[index]
                if byte == Self.quote {
                    append(Self.quote)
                    state = .quoted
                    index += 1
                } else if byte == Self.comma {
                    endField()
                    state = .fieldStart
                    index += 1
                } else if byte == Self.lineFeed {
                    return endRecord(at: index)
                } else if byte == Self.carriageReturn {
                    state = .closingCR
                    index += 1
                } else {
                    note(.strayQuote(afterClosingQuote: true))
                    state = .unquoted
                }
            case .closingCR:
                if base[index] == Self.lineFeed { return endRecord(at: index) }
                note(.strayQuote(afterClosingQuote: true))
                append(Self.carriageReturn)
                state = .unquoted
            }
        }
        if count > 0 { previousByte = base[count - 1] }
        return nil
    }

    /// Completes the pending record at the end of the file.
    mutating func finishAtEndOfFile() -> EndOfFile {
        switch state {
        case .fieldStart where fieldCount == 0:
            return .nothingPending
        case .quoted:
            return .unterminatedQuote
        case .unquoted:
            if previousByte == Self.carriageReturn { dropTrailingCarriageReturn() }
        case .fieldStart, .quoteInQuoted, .closingCR:
            break
        }
        endField()
        return .record
    }

    /// Prepares to re-read from the line after the record's first line (after a given-up record).
    mutating func resumeAfterFirstLine() {
        line = startLine + 1
        previousByte = Self.lineFeed
    }

    /// The index of the first byte from `start` that ends a span (a quote or line feed, and outside
    /// quotes also a comma), or `count`. Eight bytes at a time (SWAR): `x = word ^ pattern` has a zero
    /// byte where the word has the pattern byte, and the lowest bit of the zero-byte mask is exact.
    @inline(__always)
    private static func nextSpecialByte(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, quoted: Bool) -> Int
    {
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 {
            (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
        }
        var index = start
        while count - index >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            var hits = zeroBytes(word ^ 0x2222_2222_2222_2222) | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
            if !quoted { hits |= zeroBytes(word ^ 0x2C2C_2C2C_2C2C_2C2C) }
            if hits != 0 { return index + hits.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte == quote || byte == lineFeed || (!quoted && byte == comma) { return index }
            index += 1
        }
        return count
    }

    private mutating func note(_ reason: RejectReason) {
        if problem == nil { problem = (reason, fieldCount) }
    }

    @inline(__always)
    private mutating func append(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) {
        let length = end - start
        guard length > 0 else { return }
        if fieldCount < storeLimit {
            let room = maxFieldLength - fieldLength
            if room > 0 {
                let stored = min(length, room)
                if byteCount + stored > byteCapacity { growBytes(toHold: byteCount + stored) }
                (byteBase + byteCount).update(from: base + start, count: stored)
                byteCount += stored
            }
        }
        fieldLength += length
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        if fieldCount < storeLimit && fieldLength < maxFieldLength {
            if byteCount == byteCapacity { growBytes(toHold: byteCount + 1) }
            byteBase[byteCount] = byte
            byteCount += 1
        }
        fieldLength += 1
    }

    private mutating func growBytes(toHold needed: Int) {
        replaceStorage(byteCapacity: max(needed, byteCapacity * 2), endCapacity: endCapacity, keeping: true)
    }

    /// Swaps in a new storage of the given capacities, copying the record so far when `keeping`.
    private mutating func replaceStorage(byteCapacity: Int, endCapacity: Int, keeping: Bool) {
        storage =
            keeping
            ? CSVRecordStorage(
                copying: storage, byteCount: byteCount, fieldCount: storedFieldCount, byteCapacity: byteCapacity,
                endCapacity: endCapacity)
            : CSVRecordStorage(byteCapacity: byteCapacity, endCapacity: endCapacity)
        byteBase = storage.bytes
        self.byteCapacity = storage.byteCapacity
        endBase = storage.ends
        self.endCapacity = storage.endCapacity
    }

    /// Ends the record at the line feed at `index`; returns the index after it.
    private mutating func endRecord(at index: Int) -> Int {
        endField()
        line += 1
        previousByte = Self.lineFeed
        return index + 1
    }

    private mutating func dropTrailingCarriageReturn() {
        guard fieldLength > 0 else { return }
        if fieldCount < storeLimit && fieldLength <= maxFieldLength { byteCount -= 1 }
        fieldLength -= 1
    }

    @inline(__always)
    private mutating func endField() {
        if fieldCount < storeLimit {
            if storedFieldCount == endCapacity {
                replaceStorage(byteCapacity: byteCapacity, endCapacity: endCapacity * 2, keeping: true)
            }
            endBase[storedFieldCount] = byteCount
            storedFieldCount += 1
            if fieldLength > maxFieldLength { note(.fieldTooLong(limit: maxFieldLength)) }
        }
        fieldCount += 1
        fieldLength = 0
    }
}
