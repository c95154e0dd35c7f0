import Foundation

/// A growable byte buffer that formats text and numbers without intermediate strings, flushed to a file in chunks.
///
/// A value type passed `inout`, so appends need no runtime exclusivity checks.
struct ByteBuffer {
    /// The bytes not yet flushed.
    private(set) var bytes: [UInt8] = []
    /// Bytes flushed so far plus bytes pending.
    private(set) var flushedCount: Int = 0
    private let handle: FileHandle?
    private let fileName: String
    private let flushThreshold: Int

    /// A buffer writing to `handle` whenever more than `flushThreshold` bytes are pending (nil: keep in memory).
    init(handle: FileHandle?, fileName: String, flushThreshold: Int = 1 << 20) {
        self.handle = handle
        self.fileName = fileName
        self.flushThreshold = flushThreshold
        if handle != nil { bytes.reserveCapacity(flushThreshold + 64 * 1024) }
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends the UTF-8 bytes of a literal.
    @inline(__always)
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends the UTF-8 bytes of a string unchanged.
    @inline(__always)
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends raw bytes.
    @inline(__always)
    mutating func append(bytes other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    /// Appends a slice of raw bytes.
    @inline(__always)
    mutating func append(bytes other: Slice<UnsafeBufferPointer<UInt8>>) {
        bytes.append(contentsOf: other)
    }

    /// Appends a decimal integer.
    mutating func append(integer value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            append(unsigned: UInt64(value.magnitude))
        } else {
            append(unsigned: UInt64(value))
        }
    }

    /// Appends an unsigned decimal integer.
    mutating func append(unsigned value: UInt64) {
        var digitCount = 1
        var probe = value
        while probe >= 10 {
            probe /= 10
            digitCount += 1
        }
        let end = bytes.count + digitCount
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digitCount))
        var position = end
        var rest = value
        while rest > 0 {
            position -= 1
            bytes[position] = UInt8(truncatingIfNeeded: rest % 10) &+ 48
            rest /= 10
        }
    }

    /// Appends `value` in decimal, left-padded with zeros to `width` digits.
    @inline(__always)
    mutating func append(padded value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(truncatingIfNeeded: (rest / divisor) % 10) &+ 48)
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends the low `digits` hexadecimal digits of `value`, lower case, zero-padded.
    @inline(__always)
    mutating func append(hex value: UInt64, digits: Int) {
        var shift = (digits - 1) * 4
        while shift >= 0 {
            let nibble = UInt8(truncatingIfNeeded: (value >> UInt64(shift)) & 0xF)
            bytes.append(nibble < 10 ? nibble &+ 48 : nibble &+ 87)
            shift -= 4
        }
    }

    /// Appends an amount of cents as a decimal number with one or two fraction digits (`12.5`, `3.07`, `10.0`).
    mutating func append(cents: Int) {
        append(integer: cents / 100)
        bytes.append(UInt8(ascii: "."))
        let fraction = cents % 100
        bytes.append(UInt8(truncatingIfNeeded: fraction / 10) &+ 48)
        if fraction % 10 != 0 { bytes.append(UInt8(truncatingIfNeeded: fraction % 10) &+ 48) }
    }

    /// Appends an instant as ISO 8601 UTC with milliseconds: `2026-03-26T14:09:31.742Z`.
    mutating func append(timestamp milliseconds: Int64) {
        let day = CivilTime.dayNumber(ofMilliseconds: milliseconds)
        let (year, month, dayOfMonth) = CivilTime.civil(fromDays: day)
        let withinDay = Int(milliseconds - day * CivilTime.dayMilliseconds)
        append(isoDate: year, month, dayOfMonth)
        bytes.append(UInt8(ascii: "T"))
        append(padded: withinDay / 3_600_000, width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(padded: withinDay / 60_000 % 60, width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(padded: withinDay / 1000 % 60, width: 2)
        bytes.append(UInt8(ascii: "."))
        append(padded: withinDay % 1000, width: 3)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Appends a date as `yyyy-mm-dd`.
    mutating func append(isoDate year: Int, _ month: Int, _ day: Int) {
        append(padded: year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        append(padded: month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        append(padded: day, width: 2)
    }

    /// Appends a version-4 UUID built from 128 random bits (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`).
    mutating func append(uuidHigh high: UInt64, low: UInt64) {
        append(hex: high >> 32, digits: 8)
        bytes.append(UInt8(ascii: "-"))
        append(hex: high >> 16, digits: 4)
        bytes.append(UInt8(ascii: "-"))
        bytes.append(UInt8(ascii: "4"))
        append(hex: high, digits: 3)
        bytes.append(UInt8(ascii: "-"))
        append(hex: 0x8 | (low >> 62), digits: 1)
        append(hex: low >> 48, digits: 3)
        bytes.append(UInt8(ascii: "-"))
        append(hex: low, digits: 12)
    }

    /// Writes the pending bytes if more than the threshold are pending.
    @inline(__always)
    mutating func flushIfNeeded() throws(SampleDataError) {
        if bytes.count >= flushThreshold { try flush() }
    }

    /// Writes all pending bytes to the file.
    mutating func flush() throws(SampleDataError) {
        guard let handle, !bytes.isEmpty else { return }
        do {
            try bytes.withUnsafeBytes { raw in
                let data = Data(
                    bytesNoCopy: UnsafeMutableRawPointer(mutating: raw.baseAddress!), count: raw.count,
                    deallocator: .none)
                try handle.write(contentsOf: data)
            }
        } catch {
            throw SampleDataError.cannotWrite(file: fileName, reason: String(describing: error))
        }
        flushedCount += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }

    /// The pending bytes as a string (for formatting small values in memory).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Bytes flushed plus bytes pending.
    var count: Int { flushedCount + bytes.count }
}
