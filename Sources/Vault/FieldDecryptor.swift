import VaultCrypto
import VaultStore

/// Decrypts the `fields` rows of one subject as a query steps through them, reading the columns
/// in place: the name is compared as bytes, the associated data is built on the stack, and the
/// value is opened into a stack buffer that is wiped once it is decoded. No array is made per row.
struct FieldDecryptor {
    let subject: SubjectID
    let key: DataKey
    /// Only these fields (all when nil).
    let filter: FieldNameFilter?
    /// Whether the rows carry `updated_at, rectified_at` after `source`.
    let withTimes: Bool

    /// The field of the current row of `row`, whose columns `field, value, source` (then
    /// `updated_at, rectified_at` when `withTimes`) start at `first`; nil when the filter leaves
    /// it out.
    /// - Throws: `VaultError(.integrity)` when the value fails authentication or cannot be decoded.
    func field(of row: Statement, columnsFrom first: Int32) throws -> StoredField? {
        // Both buffers stay valid while the row is current: each column is read once, as bytes.
        let name = row.columnBytes(first)
        if let filter, !filter.contains(name) { return nil }
        let value = try Self.open(row.columnBytes(first + 1), key: key, subject: subject, name: name)
        let times =
            withTimes
            ? FieldTimes(
                updatedAt: row.int64(first + 3), rectifiedAt: row.isNull(first + 4) ? nil : row.int64(first + 4))
            : nil
        return StoredField(
            name: String(decoding: name, as: UTF8.self), value: value, source: row.text(first + 2) ?? "", times: times)
    }

    /// Opens one field ciphertext bound to (`subject`, `name`) and decodes its value.
    /// - Throws: `VaultError(.integrity)` naming the field and subject (never the value).
    static func open(
        _ sealed: UnsafeRawBufferPointer, key: DataKey, subject: SubjectID, name: UnsafeRawBufferPointer
    ) throws -> FieldValue {
        let capacity = max(sealed.count, 1)
        let decoded: FieldValue?
        do {
            decoded = try withUnsafeTemporaryAllocation(byteCount: capacity, alignment: 1) { plaintext in
                defer { SecureMemory.wipe(plaintext) }
                let count = try Binding.withField(subject, name: name) { ad in
                    try AEAD.open(sealed, key: key, associatedData: ad, into: plaintext)
                }
                return FieldValue.decode(UnsafeRawBufferPointer(rebasing: plaintext[..<count]))
            }
        } catch {
            throw VaultError(
                .integrity, "field \(String(decoding: name, as: UTF8.self)) of subject \(subject) fails authentication")
        }
        guard let decoded else {
            throw VaultError(
                .integrity,
                "field \(String(decoding: name, as: UTF8.self)) of subject \(subject) has an unknown encoding")
        }
        return decoded
    }
}
