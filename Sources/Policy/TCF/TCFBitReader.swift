/// Reads big-endian unsigned fields, bit by bit, from the decoded bits of one TC string segment.
///
/// Every read names its field so that a truncated segment is reported as `field (bit N): needs K bits, M remain`.
struct TCFBitReader {
    /// The segment's bits.
    private let bits: TCFBase64URL.Bits
    /// The offset of the next bit to read.
    private(set) var offset = 0

    /// Creates a reader at the first bit of `bits`.
    init(_ bits: TCFBase64URL.Bits) {
        self.bits = bits
    }

    /// The bits not read yet.
    var remaining: Int { bits.count - offset }

    /// Reads an unsigned integer of `width` bits (at most 62).
    mutating func integer(_ width: Int, _ field: String) throws(TCStringError) -> Int {
        precondition((0...62).contains(width), "field widths are fixed by the format")
        try require(width, field)
        var value = 0
        for _ in 0..<width { value = value << 1 | nextBit() }
        return value
    }

    /// Reads one bit as a boolean.
    mutating func bool(_ field: String) throws(TCStringError) -> Bool {
        try integer(1, field) == 1
    }

    /// Reads `width` bits and returns the 1-based positions of the set ones (bit 0 is id 1).
    mutating func idSet(_ width: Int, _ field: String) throws(TCStringError) -> Set<Int> {
        try require(width, field)
        var ids: Set<Int> = []
        for id in stride(from: 1, through: width, by: 1) where nextBit() == 1 { ids.insert(id) }
        return ids
    }

    /// Reads `width` bits and returns the runs of set bits as ranges of 1-based ids, ascending.
    mutating func idRuns(_ width: Int, _ field: String) throws(TCStringError) -> [ClosedRange<Int>] {
        try require(width, field)
        var runs: [ClosedRange<Int>] = []
        var start: Int?
        for id in stride(from: 1, through: width, by: 1) {
            if nextBit() == 1 {
                if start == nil { start = id }
            } else if let first = start {
                runs.append(first...(id - 1))
                start = nil
            }
        }
        if let first = start { runs.append(first...width) }
        return runs
    }

    /// Reads two letters of 6 bits each (`a` = 0 … `z` = 25) as upper-case ASCII.
    mutating func letters(_ field: String) throws(TCStringError) -> String {
        let start = offset
        let first = try integer(6, field)
        let second = try integer(6, field)
        guard first < 26, second < 26 else {
            throw error(
                .invalidValue, field, at: start, "letter values must be 0-25 (a-z), found \(first) and \(second)")
        }
        let scalars = [first, second].map { Unicode.Scalar(UInt8(ascii: "A") + UInt8($0)) }
        return String(String.UnicodeScalarView(scalars))
    }

    /// An error about `field` at `bitOffset` (the current offset by default).
    func error(
        _ reason: TCStringError.Reason, _ field: String, at bitOffset: Int? = nil, _ message: String
    ) -> TCStringError {
        TCStringError(reason, field: field, bitOffset: bitOffset ?? offset, message: message)
    }

    /// Throws `.truncated` unless `width` more bits are available.
    private func require(_ width: Int, _ field: String) throws(TCStringError) {
        guard width <= remaining else {
            throw error(.truncated, field, "needs \(width) bits but only \(max(remaining, 0)) remain")
        }
    }

    /// The next bit as 0 or 1; callers have checked that it exists.
    private mutating func nextBit() -> Int {
        let byte = bits.bytes[offset / 8]
        offset += 1
        return Int(byte >> UInt8(7 - (offset - 1) % 8)) & 1
    }
}
