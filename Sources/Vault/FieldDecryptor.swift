import VaultCrypto
import VaultStore

/// Decrypts the entries of one subject's profile row (`ProfileBody`), reading them in place: the
/// name is compared as bytes, the associated data is the subject's prefix (built once) followed
/// by the name's bytes, and the value is opened into a stack buffer that is wiped once it is
/// decoded. No array is made per field.
///
/// The per-row path does no reference counting: every retain or release is an atomic operation,
/// and on virtual machines those cost tens of cycles each, which made them a quarter of a
/// profile read. So a row sees only plain pointers: the key as an `UnownedKey`, the subkey cache
/// and the text caches through their handles, the prefix in memory this object owns; the
/// objects behind them are held here, untouched per row, so that they outlive the decryptor.
final class FieldDecryptor {
    let subject: SubjectID
    /// Only these fields (all when nil).
    let filter: FieldNameFilter?
    /// Whether the fields returned carry when they were written and rectified.
    let withTimes: Bool
    /// What the handles below point into, kept alive for them.
    private let owners: (key: DataKey, subkeys: SubkeyCache, texts: (names: RowTextCache, sources: RowTextCache)?)
    private let key: UnownedKey
    /// Where the XChaCha20 subkeys of the values are derived and kept (the vault's).
    private let subkeys: SubkeyCache.Handle
    /// Where the names and sources of rows are decoded (decoded afresh when nil).
    private let names: RowTextCache.View?
    private let sources: RowTextCache.View?
    /// The part of every field's associated data before the field name (`Binding.fieldPrefix`).
    private let prefix: UnsafeMutableRawBufferPointer

    init(
        subject: SubjectID, key: DataKey, subkeys: SubkeyCache, filter: FieldNameFilter? = nil,
        withTimes: Bool = false, texts: (names: RowTextCache, sources: RowTextCache)? = nil
    ) {
        self.subject = subject
        owners = (key, subkeys, texts)
        self.key = key.unowned
        self.subkeys = subkeys.handle
        self.filter = filter
        self.withTimes = withTimes
        names = texts?.names.view
        sources = texts?.sources.view
        let bytes = Binding.fieldPrefix(subject)
        prefix = .allocate(byteCount: bytes.count, alignment: 8)
        bytes.withUnsafeBytes { prefix.copyMemory(from: $0) }
    }

    deinit { prefix.deallocate() }

    /// The field of `entry`, nil when the filter leaves it out. `position` is the entry's place in
    /// the profile (it keys the text caches).
    /// - Throws: `VaultError(.integrity)` when the value fails authentication or cannot be decoded.
    func field(of entry: ProfileBody.Entry, position: Int) throws -> StoredField? {
        if let filter, !filter.contains(entry.name) { return nil }
        let value = try open(entry.sealed, name: entry.name)
        let times = withTimes ? FieldTimes(updatedAt: entry.updatedAt, rectifiedAt: entry.rectifiedAt) : nil
        return StoredField(
            name: Self.text(entry.name, at: position, in: names), value: value,
            source: Self.text(entry.source, at: position, in: sources), times: times)
    }

    /// `bytes` as text, through `cache` when there is one.
    static func text(_ bytes: UnsafeRawBufferPointer, at position: Int, in cache: RowTextCache.View?) -> String {
        cache?.text(bytes, at: position) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// Opens one ciphertext of this subject's field `name` (UTF-8) and decodes its value.
    /// - Throws: `VaultError(.integrity)` naming the field and subject (never the value).
    func open(_ sealed: UnsafeRawBufferPointer, name: UnsafeRawBufferPointer) throws -> FieldValue {
        let decoded: FieldValue?
        // Plain values only in the closure: capturing `self` would retain it.
        let (key, subkeys, prefix) = (key, subkeys, UnsafeRawBufferPointer(prefix))
        do {
            decoded = try withUnsafeTemporaryAllocation(byteCount: max(sealed.count, 1), alignment: 1) { plaintext in
                defer { SecureMemory.wipe(plaintext) }
                let count = try AEAD.open(
                    sealed, key: key, associatedData: prefix, followedBy: name, into: plaintext, subkeys: subkeys)
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
