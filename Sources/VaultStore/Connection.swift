import CSQLite

/// One SQLite connection, configured for the vault: WAL, foreign keys, `secure_delete`,
/// a busy timeout and the chosen durability. Owns a cache of prepared statements.
/// Not thread-safe: use it from one thread at a time, inside the store's scoped closures.
public final class Connection {
    let handle: OpaquePointer
    private var cache: [String: Statement] = [:]
    /// Statements prepared for `StatementKey`s, by key number.
    private var keyed: [Statement?] = []
    /// The database file.
    public let path: String

    /// Opens (and, unless `readOnly`, creates) the database at `path`.
    /// - Throws: `StoreError` at `.open` or `.configure`; the handle is closed on failure.
    public init(
        path: String, readOnly: Bool = false, durability: Durability = .full, busyTimeout: Duration = .seconds(5)
    )
        throws(StoreError)
    {
        _ = Self.libraryConfigured
        var db: OpaquePointer?
        let flags =
            (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
            | SQLITE_OPEN_EXRESCODE
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLiteCall.ok, let db else {
            let error = SQLiteCall.makeError(rc, db, step: .open, sql: nil)
            sqlite3_close_v2(db)
            throw error
        }
        handle = db
        self.path = path
        do {
            let milliseconds = Int32(busyTimeout.components.seconds * 1000)
            try SQLiteCall.check(sqlite3_busy_timeout(db, milliseconds), db, step: .configure)
            var ignored: Int32 = 0
            try SQLiteCall.check(
                csqlite_db_config_int(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &ignored), db, step: .configure)
            // Reading the schema makes a non-database or truncated file fail here, at open.
            // A 128 MiB page cache: imports insert into indexes keyed by random tokens, and SQLite's
            // default 2 MiB cache turns every such insert into file reads and writes.
            try execute(
                "PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -\(Self.defaultCacheKiB);"
            )
            if !readOnly {
                try execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = \(durability.pragmaValue); PRAGMA wal_autocheckpoint = \(Self.defaultCheckpointPages);"
                )
            }
            try execute("SELECT count(*) FROM sqlite_master")
        } catch {
            cache.removeAll()
            keyed.removeAll()
            sqlite3_close_v2(db)
            throw error
        }
    }

    deinit {
        cache.removeAll()
        keyed.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Process-wide settings applied once, before SQLite initialises: no memory statistics (they
    /// take a global mutex on every allocation, and nothing reads them).
    private static let libraryConfigured: Bool = csqlite_config_memstatus(0) == SQLITE_OK

    /// The page cache of every connection, in KiB (see `init`).
    public static let defaultCacheKiB = 131_072
    /// The WAL size, in pages, past which a commit checkpoints it into the database file.
    public static let defaultCheckpointPages = 8192

    /// Sets this connection's page cache size in KiB (a smaller size frees the excess).
    public func setCacheSize(kibibytes: Int) throws(StoreError) {
        try execute("PRAGMA cache_size = -\(max(kibibytes, 1))")
    }

    /// Sets the WAL size, in pages, past which a commit checkpoints it (`wal_autocheckpoint`).
    public func setCheckpointInterval(pages: Int) throws(StoreError) {
        try execute("PRAGMA wal_autocheckpoint = \(max(pages, 1))")
    }

    /// Copies what the WAL holds into the database file without waiting for readers (`PASSIVE`).
    public func checkpointPassively() throws(StoreError) {
        var logFrames: Int32 = 0
        var checkpointed: Int32 = 0
        let rc = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &checkpointed)
        try SQLiteCall.check(rc, handle, step: .checkpoint)
    }

    /// Runs one or more SQL statements without parameters.
    public func execute(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLiteCall.ok {
            let text = message.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(message)
            throw StoreError(code: sqlite3_extended_errcode(handle), step: .execute, message: text, sql: sql)
        }
    }

    /// A cached prepared statement for `sql` (reset, ready to bind).
    public func statement(_ sql: String) throws(StoreError) -> Statement {
        if let cached = cache[sql] {
            cached.reset()
            return cached
        }
        let statement = try Statement(connection: handle, sql: sql)
        cache[sql] = statement
        return statement
    }

    /// The cached prepared statement of `key` (reset, ready to bind), found by the key's number.
    public func statement(_ key: StatementKey) throws(StoreError) -> Statement {
        if key.number < keyed.count, let cached = keyed[key.number] {
            cached.reset()
            return cached
        }
        let statement = try Statement(connection: handle, sql: key.sql)
        if key.number >= keyed.count { keyed += repeatElement(nil, count: key.number + 1 - keyed.count) }
        keyed[key.number] = statement
        return statement
    }

    /// Runs `sql` with `values` bound (INSERT, UPDATE, DELETE).
    public func run(_ sql: String, _ values: [any DatabaseBindable] = []) throws(StoreError) {
        try statement(sql).execute(values)
    }

    /// Runs a query and calls `body` for each row.
    public func forEachRow(
        _ sql: String, _ values: [any DatabaseBindable] = [], _ body: (Statement) throws -> Void
    ) throws {
        let statement = try statement(sql)
        try statement.bind(values)
        defer { statement.reset() }
        while try statement.step() { try body(statement) }
    }

    /// The first column of the first row as an integer, or nil when there is no row.
    public func scalarInt(_ sql: String, _ values: [any DatabaseBindable] = []) throws(StoreError) -> Int64? {
        let statement = try statement(sql)
        try statement.bind(values)
        defer { statement.reset() }
        guard try statement.step(), !statement.isNull(0) else { return nil }
        return statement.int64(0)
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// The rowid of the last INSERT.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// True inside an open transaction.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Checkpoints the WAL into the database file and truncates it to zero bytes.
    public func checkpointAndTruncateWAL() throws(StoreError) {
        var logFrames: Int32 = 0
        var checkpointed: Int32 = 0
        let rc = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &checkpointed)
        try SQLiteCall.check(rc, handle, step: .checkpoint)
    }

    /// Copies the whole database into a new file at `destination` with SQLite's online backup API
    /// (a consistent snapshot even while others write).
    public func backup(to destination: String) throws(StoreError) {
        var target: OpaquePointer?
        let rc = sqlite3_open_v2(destination, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        defer { sqlite3_close_v2(target) }
        try SQLiteCall.check(rc, target, step: .backup)
        guard let backup = sqlite3_backup_init(target, "main", handle, "main") else {
            throw SQLiteCall.makeError(sqlite3_errcode(target), target, step: .backup, sql: nil)
        }
        let stepCode = sqlite3_backup_step(backup, -1)
        let finishCode = sqlite3_backup_finish(backup)
        try SQLiteCall.check(stepCode, target, step: .backup, accept: SQLITE_DONE)
        try SQLiteCall.check(finishCode, target, step: .backup)
    }
}

@available(*, unavailable)
extension Connection: Sendable {}
