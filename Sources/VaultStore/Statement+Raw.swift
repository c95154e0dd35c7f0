import CSQLite

extension Statement {
    /// Binds `value` as a blob that SQLite reads in place when the statement runs (no copy):
    /// the caller keeps the bytes alive and unchanged until the statement has run and its
    /// bindings are cleared (`clearBindings()`).
    public func bind(inPlace value: UnsafeRawBufferPointer, at index: Int32) throws(StoreError) {
        try SQLiteCall.check(
            sqlite3_bind_blob(
                handle, index, value.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(value.count), nil),
            connectionHandle, step: .bind, sql: sql)
    }

    /// Binds the UTF-8 `value` as text read in place (see `bind(inPlace:at:)`).
    public func bind(textInPlace value: UnsafeRawBufferPointer, at index: Int32) throws(StoreError) {
        try SQLiteCall.check(
            sqlite3_bind_text(
                handle, index,
                (value.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self),
                Int32(value.count), nil),
            connectionHandle, step: .bind, sql: sql)
    }

    /// Binds `value` as a blob read in place from its copy in `arena` when the statement runs
    /// (no copy of SQLite's own): the caller runs the statement, clears its bindings and only
    /// then resets the arena.
    public func bind(raw value: UnsafeRawBufferPointer, at index: Int32, in arena: BindArena) throws(StoreError) {
        try bind(inPlace: arena.copy(value), at: index)
    }

    /// Binds `value` as text read in place from its copy in `arena` (see `bind(raw:at:in:)`).
    public func bind(_ value: String, at index: Int32, in arena: BindArena) throws(StoreError) {
        var value = value
        try bind(textInPlace: value.withUTF8 { arena.copy(UnsafeRawBufferPointer($0)) }, at: index)
    }

    /// Sets every parameter to NULL, so that none points into memory about to be reused.
    public func clearBindings() { sqlite3_clear_bindings(handle) }

    /// Binds bytes read in place as a blob (copied by SQLite), without an intermediate array.
    public func bind(raw value: UnsafeRawBufferPointer, at index: Int32) throws(StoreError) {
        let rc = sqlite3_bind_blob(
            handle, index, value.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(value.count),
            csqlite_transient())
        try SQLiteCall.check(rc, connectionHandle, step: .bind, sql: sql)
    }
}

extension Statement {
    /// The bytes of column `index` in place (empty for NULL). Valid only until the statement steps,
    /// resets or reads this column as another type: for hot loops that must not copy or call a
    /// generic closure per column.
    public func bytes(_ index: Int32) -> UnsafeRawBufferPointer {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let pointer = sqlite3_column_blob(handle, index) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: pointer, count: count)
    }
}
