import Foundation
import VaultStore

/// The byte layout of a subject's `profiles` row: every stored field of the subject, each value
/// sealed on its own (`Binding.field`: the subject and the field name are its associated data),
/// with its source and times, in one blob (Docs/decisions.md, entry 36).
///
/// One row per subject instead of one per field: an import writes one B-tree entry per person
/// instead of ten, and a profile read finds one row. The layout:
///
///     version  u8 (1)
///     entry*   name length u32 · name (UTF-8) · source length u32 · source (UTF-8)
///              · updated_at i64 · rectified_at i64 (Int64.min: never) · value length u32 · sealed value
///
/// integers little-endian, entries in ascending byte order of their names, each name once.
enum ProfileBody {
    static let version: UInt8 = 1
    /// `rectified_at` of a field never rectified.
    static let neverRectified = Int64.min

    /// One entry, read in place: the buffers point into the body and are valid only during the visit.
    struct Entry {
        let name: UnsafeRawBufferPointer
        let source: UnsafeRawBufferPointer
        let updatedAt: Int64
        let rectifiedAt: Int64?
        let sealed: UnsafeRawBufferPointer
    }

    /// Calls `visit` with each entry of `body` in order, with its position.
    /// - Throws: `VaultError(.integrity)` when the body is not a well-formed profile (naming the
    ///   subject, never a value).
    static func forEach(
        _ body: UnsafeRawBufferPointer, subject: SubjectID, _ visit: (_ entry: Entry, _ position: Int) throws -> Void
    ) throws {
        guard let first = body.first, first == version else {
            throw VaultError(.integrity, "the profile of subject \(subject) has an unknown layout")
        }
        var offset = 1
        var position = 0
        func malformed() -> VaultError {
            VaultError(.integrity, "the profile of subject \(subject) is truncated or malformed")
        }
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
            let sealed = try bytes(try length())
            try visit(
                Entry(
                    name: name, source: source, updatedAt: updatedAt,
                    rectifiedAt: rectifiedAt == neverRectified ? nil : rectifiedAt, sealed: sealed),
                position)
            position += 1
        }
    }

    /// Appends one entry to `body` (which must already hold the version byte, and entries whose
    /// names sort before `name`).
    static func append(
        name: UnsafeRawBufferPointer, source: UnsafeRawBufferPointer, updatedAt: Int64, rectifiedAt: Int64?,
        sealed: UnsafeRawBufferPointer, to body: ByteWriter
    ) {
        body.reserve(28 + name.count + source.count + sealed.count)
        body.append(littleEndian: UInt32(name.count))
        body.append(name)
        body.append(littleEndian: UInt32(source.count))
        body.append(source)
        body.append(littleEndian: updatedAt)
        body.append(littleEndian: rectifiedAt ?? neverRectified)
        body.append(littleEndian: UInt32(sealed.count))
        body.append(sealed)
    }

    /// Appends one entry (see `append(name:source:updatedAt:rectifiedAt:sealed:to:)`) from texts.
    static func append(
        name: String, source: String, updatedAt: Int64, rectifiedAt: Int64?, sealed: UnsafeRawBufferPointer,
        to body: ByteWriter
    ) {
        var name = name
        var source = source
        name.withUTF8 { name in
            source.withUTF8 { source in
                append(
                    name: UnsafeRawBufferPointer(name), source: UnsafeRawBufferPointer(source), updatedAt: updatedAt,
                    rectifiedAt: rectifiedAt, sealed: sealed, to: body)
            }
        }
    }

    /// True when `a` sorts before `b` as the entries of a body do (bytes, as SQLite orders text).
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// The order of the name `a` against the name `b` (UTF-8 bytes) in a body: negative, zero or
    /// positive.
    static func compare(_ a: String, _ b: UnsafeRawBufferPointer) -> Int {
        var a = a
        return a.withUTF8 { a in
            let common = min(a.count, b.count)
            if common > 0 {
                let order = memcmp(a.baseAddress!, b.baseAddress!, common)
                if order != 0 { return Int(order) }
            }
            return a.count - b.count
        }
    }
}

/// A subject's stored fields decoded from its `profiles` row, for the writes that change a few of
/// them (rectification, merges, key rotation, purges): load, change, save — one row each way.
struct StoredProfile {
    /// One stored field: its sealed value, where it came from and when it was written and rectified.
    struct Entry: Equatable {
        var name: String
        var sealed: [UInt8]
        var source: String
        var updatedAt: Int64
        var rectifiedAt: Int64?
    }

    /// The entries in ascending byte order of their names.
    private(set) var entries: [Entry] = []

    /// An empty profile.
    init() {}

    /// The profile held in `body` (see `ProfileBody`).
    init(body: UnsafeRawBufferPointer, subject: SubjectID) throws {
        try ProfileBody.forEach(body, subject: subject) { entry, _ in
            entries.append(
                Entry(
                    name: String(decoding: entry.name, as: UTF8.self), sealed: Array(entry.sealed),
                    source: String(decoding: entry.source, as: UTF8.self), updatedAt: entry.updatedAt,
                    rectifiedAt: entry.rectifiedAt))
        }
    }

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }
    var names: [String] { entries.map(\.name) }

    /// The entry of field `name`, if stored.
    func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    /// Stores `entry`, replacing the entry of the same name.
    mutating func set(_ entry: Entry) {
        if let index = entries.firstIndex(where: { $0.name == entry.name }) {
            entries[index] = entry
        } else {
            let index = entries.firstIndex { ProfileBody.precedes(entry.name, $0.name) } ?? entries.endIndex
            entries.insert(entry, at: index)
        }
    }

    /// Changes the entry of field `name`, if stored; returns whether it was.
    @discardableResult
    mutating func update(_ name: String, _ change: (inout Entry) -> Void) -> Bool {
        guard let index = entries.firstIndex(where: { $0.name == name }) else { return false }
        change(&entries[index])
        return true
    }

    /// Removes the entries `shouldRemove` picks; returns how many.
    @discardableResult
    mutating func removeAll(where shouldRemove: (Entry) -> Bool) -> Int {
        let before = entries.count
        entries.removeAll(where: shouldRemove)
        return before - entries.count
    }

    /// The row body (see `ProfileBody`).
    func encoded() -> [UInt8] {
        let body = ByteWriter()
        encode(into: body)
        return Array(body.bytes)
    }

    /// Appends the row body to `body`.
    func encode(into body: ByteWriter) {
        body.append(ProfileBody.version)
        for entry in entries {
            entry.sealed.withUnsafeBytes { sealed in
                ProfileBody.append(
                    name: entry.name, source: entry.source, updatedAt: entry.updatedAt, rectifiedAt: entry.rectifiedAt,
                    sealed: sealed, to: body)
            }
        }
    }

    /// The stored profile of `subject` (empty when it has no row).
    static func load(_ subject: SubjectID, in db: Connection) throws -> StoredProfile {
        let statement = try db.statement(ProfileSQL.select)
        try statement.bind(subject, at: 1)
        defer { statement.reset() }
        guard try statement.step() else { return StoredProfile() }
        return try StoredProfile(body: statement.columnBytes(0), subject: subject)
    }

    /// Writes this profile as `subject`'s row, or deletes the row when no field is left.
    func save(for subject: SubjectID, in db: Connection) throws {
        if entries.isEmpty {
            try db.run(ProfileSQL.delete, [subject.bytes])
        } else {
            try db.run(ProfileSQL.upsert, [subject.bytes, Int64(entries.count), encoded()])
        }
    }
}

/// The statements on `profiles` rows.
enum ProfileSQL {
    static let select = StatementKey("SELECT body FROM profiles WHERE subject = ?")
    static let delete = "DELETE FROM profiles WHERE subject = ?"
    static let upsert = """
        INSERT INTO profiles (subject, field_count, body) VALUES (?, ?, ?)
        ON CONFLICT (subject) DO UPDATE SET field_count = excluded.field_count, body = excluded.body
        """
}
