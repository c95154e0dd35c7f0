import Foundation
import VaultCrypto
import VaultStore

/// The subjects an audit entry touched, stored in its own row (`audit_log.subjects`): the sorted,
/// distinct 16-byte ids concatenated — exactly the input of the entry's subject digest. One blob
/// per entry costs one row however many subjects a bulk operation touches; two partial indexes
/// find the entries of one subject (`Audit/FORMAT.md`, "Storage").
struct AuditSubjectSet {
    /// The sorted, distinct ids, concatenated.
    let bytes: [UInt8]
    /// How many ids.
    var count: Int { bytes.count / 16 }

    /// Sorts and de-duplicates `subjects`.
    init(_ subjects: [SubjectID]) {
        var sorted = subjects
        if sorted.count > 1 { sorted.sort() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sorted.count * 16)
        var last: SubjectID?
        for subject in sorted where subject != last {
            subject.append(to: &bytes)
            last = subject
        }
        self.bytes = bytes
    }

    /// BLAKE2b-256(`tresor.subjects.v1\0` ‖ ids): the digest that the entry's hash covers.
    var digest: [UInt8] { Self.digest(of: bytes) }

    static let digestDomain = Array("tresor.subjects.v1\0".utf8)

    /// The digest of a stored set, read in place.
    static func digest(of stored: some ContiguousBytes) -> [UInt8] {
        let hasher = BLAKE2bHasher()
        hasher.update(digestDomain)
        stored.withUnsafeBytes { hasher.update($0) }
        return hasher.finalize()
    }

    /// True when `stored` is a well-formed set: a multiple of 16 bytes, ids strictly ascending.
    static func isCanonical(_ stored: UnsafeRawBufferPointer) -> Bool {
        guard stored.count % 16 == 0 else { return false }
        var index = 16
        while index < stored.count {
            guard memcmp(stored.baseAddress! + index - 16, stored.baseAddress! + index, 16) < 0 else { return false }
            index += 16
        }
        return true
    }

    /// True when the stored set holds `subject` (binary search over the sorted ids).
    static func contains(_ subject: SubjectID, in stored: UnsafeRawBufferPointer) -> Bool {
        guard stored.count % 16 == 0 else { return false }
        var low = 0
        var high = stored.count / 16
        while low < high {
            let middle = (low + high) / 2
            let id = SubjectID(raw: UnsafeRawBufferPointer(rebasing: stored[middle * 16..<middle * 16 + 16]))
            if id == subject { return true }
            if id < subject { low = middle + 1 } else { high = middle }
        }
        return false
    }

    /// The ids of a stored set (ids of a malformed set are skipped).
    static func subjects(in stored: UnsafeRawBufferPointer) -> [SubjectID] {
        guard stored.count % 16 == 0 else { return [] }
        return stride(from: 0, to: stored.count, by: 16).map {
            SubjectID(raw: UnsafeRawBufferPointer(rebasing: stored[$0..<$0 + 16]))
        }
    }

    /// The sequence numbers of the entries that touched `subject`, ascending: one index seek for
    /// single-subject entries, and a search of the sets of multi-subject entries (bulk
    /// operations, which are few; `instr` pre-filters, the aligned binary search decides).
    static func entries(touching subject: SubjectID, in db: Connection) throws -> [Int64] {
        var seqs: [Int64] = []
        try db.forEachRow(
            "SELECT seq FROM audit_log WHERE subject_count = 1 AND subjects = ?", [subject.bytes]
        ) { seqs.append($0.int64(0)) }
        try db.forEachRow(
            "SELECT seq, subjects FROM audit_log WHERE subject_count > 1 AND instr(subjects, ?) > 0", [subject.bytes]
        ) { row in
            if row.withBlob(1, { contains(subject, in: $0) }) { seqs.append(row.int64(0)) }
        }
        seqs.sort()
        return seqs
    }
}
