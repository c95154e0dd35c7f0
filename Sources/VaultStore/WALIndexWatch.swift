import CSQLite

/// Watches a WAL-mode database for commits by reading the WAL-index header in its `-shm` file,
/// which every commit rewrites (in any connection or process). Comparing two headers costs a few
/// nanoseconds; asking SQLite costs a read transaction and its file locks.
///
/// Only equality is relied on: an unchanged header means nothing was committed in between. When
/// the header cannot be read consistently (a writer is mid-update, or the format is not the one
/// SQLite documents), `header()` answers nil and the caller must assume a change.
final class WALIndexWatch {
    /// A copy of the 48-byte header.
    struct Header: Equatable {
        fileprivate let words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

        static func == (a: Header, b: Header) -> Bool {
            a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2
                && a.words.3 == b.words.3 && a.words.4 == b.words.4 && a.words.5 == b.words.5
        }
    }

    private let map: UnsafeRawPointer
    private let length: Int

    /// Maps the shared-memory file of the database at `databasePath`; nil when there is none yet
    /// (the database is not in WAL mode or no connection has used it).
    init?(databasePath: String) {
        var length = 0
        guard let map = csqlite_shm_map(databasePath + "-shm", &length) else { return nil }
        self.map = map
        self.length = length
    }

    deinit { csqlite_shm_unmap(map, length) }

    /// The current header, or nil when it cannot be read consistently.
    func header() -> Header? {
        var raw = csqlite_wal_index_header()
        guard csqlite_wal_index_header_read(map, &raw) == 1 else { return nil }
        return withUnsafeBytes(of: raw.bytes) { bytes in
            Header(
                words: (
                    bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                    bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                    bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
                    bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self),
                    bytes.loadUnaligned(fromByteOffset: 32, as: UInt64.self),
                    bytes.loadUnaligned(fromByteOffset: 40, as: UInt64.self)
                ))
        }
    }
}

@available(*, unavailable)
extension WALIndexWatch: Sendable {}
