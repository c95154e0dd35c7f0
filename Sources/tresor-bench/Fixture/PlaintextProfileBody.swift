/// The body of a `profiles` row of the plaintext copy: the vault's profile layout (`ProfileBody`
/// in the Vault module, internal to it) with each value's UTF-8 where the vault has a sealed value.
///
///     version  u8 (1)
///     entry*   name length u32 · name (UTF-8) · source length u32 · source (UTF-8)
///              · updated_at i64 · rectified_at i64 (Int64.min: never) · value length u32 · value (UTF-8)
///
/// integers little-endian, entries in ascending byte order of their names, each name once.
enum PlaintextProfileBody {
    static let version: UInt8 = 1
    /// `rectified_at` of a field never rectified.
    static let neverRectified = Int64.min

    /// One entry, read in place: the buffers point into the body and are valid only during the visit.
    struct Entry {
        let name: UnsafeRawBufferPointer
        let source: UnsafeRawBufferPointer
        let updatedAt: Int64
        let rectifiedAt: Int64?
        let value: UnsafeRawBufferPointer
    }

    /// The body holding `fields` (sorted here by name bytes), all from `source`, written at
    /// `updatedAt` and never rectified.
    static func encode(_ fields: [(name: String, value: String)], source: String, updatedAt: Int64) -> [UInt8] {
        let sorted = fields.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        var body: [UInt8] = [version]
        body.reserveCapacity(
            1 + sorted.reduce(0) { $0 + 28 + $1.name.utf8.count + source.utf8.count + $1.value.utf8.count })
        func append<T: FixedWidthInteger>(_ integer: T) {
            withUnsafeBytes(of: integer.littleEndian) { body.append(contentsOf: $0) }
        }
        for field in sorted {
            append(UInt32(field.name.utf8.count))
            body.append(contentsOf: field.name.utf8)
            append(UInt32(source.utf8.count))
            body.append(contentsOf: source.utf8)
            append(updatedAt)
            append(neverRectified)
            append(UInt32(field.value.utf8.count))
            body.append(contentsOf: field.value.utf8)
        }
        return body
    }

    /// Calls `visit` with each entry of `body` in order.
    /// - Throws: `BenchError` when the body is not a well-formed profile.
    static func forEach(_ body: UnsafeRawBufferPointer, _ visit: (Entry) throws -> Void) throws {
        guard let first = body.first, first == version else {
            throw BenchError("a plaintext profile has an unknown layout")
        }
        var offset = 1
        func malformed() -> BenchError { BenchError("a plaintext profile is truncated or malformed") }
        func length() throws -> Int {
            guard body.count - offset >= 4 else { throw malformed() }
            defer { offset += 4 }
            return Int(UInt32(littleEndian: body.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        }
        func integer() throws -> Int64 {
            guard body.count - offset >= 8 else { throw malformed() }
            defer { offset += 8 }
            return Int64(littleEndian: body.loadUnaligned(fromByteOffset: offset, as: Int64.self))
        }
        func bytes(_ count: Int) throws -> UnsafeRawBufferPointer {
            guard body.count - offset >= count else { throw malformed() }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: body[offset..<(offset + count)])
        }
        while offset < body.count {
            let name = try bytes(try length())
            let source = try bytes(try length())
            let updatedAt = try integer()
            let rectifiedAt = try integer()
            let value = try bytes(try length())
            try visit(
                Entry(
                    name: name, source: source, updatedAt: updatedAt,
                    rectifiedAt: rectifiedAt == neverRectified ? nil : rectifiedAt, value: value))
        }
    }
}
