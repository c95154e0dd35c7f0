import VaultCrypto

/// A person's id in the vault: 16 bytes, never derived from personal data. The vault mints ids
/// that begin with their creation time (6 bytes of Unix milliseconds) followed by 80 random bits,
/// so that the rows of subjects created together sit together in every subject-keyed table
/// (Docs/decisions.md, entry 30). Printed as 32 lower-case hex digits.
public struct SubjectID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The high and low 8 bytes (big-endian), kept as integers so that sets and dictionaries of
    /// millions of ids stay fast.
    public let high: UInt64
    public let low: UInt64

    /// The id read in place of a stored id of the wrong length (a damaged or tampered row): all
    /// bits set, never produced by `random()` in practice, so that checks fail instead of crashing.
    static let malformed = SubjectID(high: .max, low: .max)

    private init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// A fresh id of 16 random bytes (probes and tests; the vault mints its subjects' ids).
    public static func random() throws -> SubjectID {
        SubjectID(bytes: try CryptoRandom.bytes(16))!
    }

    /// A fresh id for a subject created at `milliseconds` (Unix time): the time in the first 6
    /// bytes, big-endian (clamped to 0 ..< 2^48, the year 10889), then 80 random bits. Ids minted
    /// later sort after earlier ones except within one millisecond, where the random bits decide.
    public static func minted(at milliseconds: Int64) throws -> SubjectID {
        let (high, low) = try CryptoRandom.pooledWords()
        let time = UInt64(clamping: max(milliseconds, 0)) & 0xFFFF_FFFF_FFFF
        return SubjectID(high: time << 16 | high & 0xFFFF, low: low)
    }

    /// The creation time an id minted by `minted(at:)` carries, in Unix milliseconds.
    public var mintedAt: Int64 { Int64(high >> 16) }

    /// Wraps 16 bytes; nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (offset, byte) in bytes.enumerated() {
            if offset < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        self.high = high
        self.low = low
    }

    /// Wraps 16 stored bytes; nil for any other length (a concrete overload: the generic one is
    /// slow when called from another module).
    public init?(bytes: [UInt8]) {
        guard bytes.count == 16 else { return nil }
        self = bytes.withUnsafeBytes { SubjectID(raw: $0) }
    }

    /// Reads exactly 16 bytes in place.
    init(raw: UnsafeRawBufferPointer) {
        precondition(raw.count == 16, "a subject id is 16 bytes")
        high = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        low = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }

    /// Calls `body` with the 16 bytes, big-endian, on the stack.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: (high.bigEndian, low.bigEndian)) { try body($0) }
    }

    /// Appends the 16 bytes, big-endian, to `buffer`.
    func append(to buffer: inout [UInt8]) {
        withUnsafeBytes(of: high.bigEndian) { buffer.append(contentsOf: $0) }
        withUnsafeBytes(of: low.bigEndian) { buffer.append(contentsOf: $0) }
    }

    /// Parses 32 hex digits.
    public init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 32 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for index in stride(from: 0, to: 32, by: 2) {
            guard let hi = Self.nibble(utf8[index]), let lo = Self.nibble(utf8[index + 1]) else { return nil }
            bytes.append(hi << 4 | lo)
        }
        self.init(bytes: bytes)
    }

    /// The 16 bytes, big-endian.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16)
        append(to: &out)
        return out
    }

    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(32)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The hash sets and dictionaries use: each word through the finaliser of SplitMix64, the
    /// second after the first and the table's seed are folded in, instead of a run of SipHash.
    /// Ids carry 80 random bits drawn by the vault, never chosen by input, so a cheap mix spreads
    /// them as well as SipHash.
    public func _rawHashValue(seed: Int) -> Int {
        Int(truncatingIfNeeded: Self.mix(Self.mix(high ^ UInt64(UInt(bitPattern: seed))) ^ low))
    }

    private static func mix(_ word: UInt64) -> UInt64 {
        var x = word
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    public static func < (lhs: SubjectID, rhs: SubjectID) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = SubjectID(hex: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a subject id"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
