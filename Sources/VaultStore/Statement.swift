import CSQLite

/// A prepared statement. Owned by its `Connection`'s cache or by the caller; finalized on deinit.
/// Bind parameters are 1-based; result columns are 0-based.
public final class Statement {
    let handle: OpaquePointer
    let connectionHandle: OpaquePointer
    /// The statement's SQL text (safe to show: it holds no bound values).
    public let sql: String

    init(connection: OpaquePointer, sql: String) throws(StoreError) {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLiteCall.ok, let statement else {
            sqlite3_finalize(statement)
            throw SQLiteCall.makeError(rc, connection, step: .prepare, sql: sql)
        }
        handle = statement
        connectionHandle = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    // MARK: Binding

    /// Resets the statement and binds `values` to parameters 1...n.
    public func bind(_ values: [any DatabaseBindable]) throws(StoreError) {
        reset()
        for (offset, value) in values.enumerated() { try bind(value.databaseValue, at: Int32(offset + 1)) }
    }

    /// Binds one value.
    public func bind(_ value: DatabaseValue, at index: Int32) throws(StoreError) {
        switch value {
        case .integer(let v): try bind(v, at: index)
        case .real(let v): try check(sqlite3_bind_double(handle, index, v))
        case .text(let v): try bind(v, at: index)
        case .blob(let v): try bind(v, at: index)
        case .null: try bindNull(at: index)
        }
    }

    /// Binds an integer.
    public func bind(_ value: Int64, at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds text (copied by SQLite).
    public func bind(_ value: String, at index: Int32) throws(StoreError) {
        var value = value
        let rc = value.withUTF8 { utf8 -> Int32 in
            guard let base = utf8.baseAddress, utf8.count > 0 else {
                return sqlite3_bind_text(handle, index, "", 0, nil)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text(handle, index, $0, Int32(utf8.count), csqlite_transient())
            }
        }
        try check(rc)
    }

    /// Binds a blob (copied by SQLite).
    public func bind(_ value: [UInt8], at index: Int32) throws(StoreError) {
        let rc = value.withUnsafeBytes { raw in
            sqlite3_bind_blob(
                handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), csqlite_transient()
            )
        }
        try check(rc)
    }

    /// Binds the bytes at `value` as a blob (copied by SQLite; no array needed).
    public func bind(bytes value: UnsafeRawBufferPointer, at index: Int32) throws(StoreError) {
        let rc = sqlite3_bind_blob(
            handle, index, value.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(value.count),
            csqlite_transient())
        try check(rc)
    }

    /// Binds NULL.
    public func bindNull(at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_null(handle, index))
    }

    private func check(_ rc: Int32) throws(StoreError) {
        try SQLiteCall.check(rc, connectionHandle, step: .bind, sql: sql)
    }

    // MARK: Stepping

    /// Resets the statement so it can run again (bindings are kept until rebound).
    public func reset() { sqlite3_reset(handle) }

    /// Advances to the next row; returns false when done.
    @discardableResult
    public func step() throws(StoreError) -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLiteCall.row { return true }
        if rc == SQLiteCall.done { return false }
        let error = SQLiteCall.makeError(rc, connectionHandle, step: .step, sql: sql)
        sqlite3_reset(handle)
        throw error
    }

    /// Runs the statement to completion with `values` bound (for INSERT/UPDATE/DELETE).
    public func execute(_ values: [any DatabaseBindable] = []) throws(StoreError) {
        try bind(values)
        while try step() {}
        reset()
    }

    // MARK: Reading columns

    /// Number of result columns.
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// True when column `index` is NULL.
    public func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    /// Column `index` as an integer.
    public func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// Column `index` as a Double.
    public func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }

    /// Column `index` as text, or nil when NULL.
    public func text(_ index: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Column `index` as bytes (empty for NULL or an empty blob).
    public func blob(_ index: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let pointer = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// Calls `body` with the bytes of column `index` without copying them (valid only inside `body`).
    public func withBlob<R>(_ index: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let pointer = sqlite3_column_blob(handle, index) else {
            return try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// The bytes of column `index` in place, without a copy or a closure (for per-row hot paths).
    /// Valid only until the next `step`, `reset` or read of the same column as another type; the
    /// bytes of other columns can be read in between. Empty for NULL or an empty value.
    public func columnBytes(_ index: Int32) -> UnsafeRawBufferPointer {
        // sqlite3_column_blob before sqlite3_column_bytes: the order SQLite documents as safe.
        guard let pointer = sqlite3_column_blob(handle, index) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, index)))
    }

    /// Column `index` as a `DatabaseValue`.
    public func value(_ index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: .integer(int64(index))
        case SQLITE_FLOAT: .real(double(index))
        case SQLITE_TEXT: .text(text(index) ?? "")
        case SQLITE_BLOB: .blob(blob(index))
        default: .null
        }
    }
}

@available(*, unavailable)
extension Statement: Sendable {}
