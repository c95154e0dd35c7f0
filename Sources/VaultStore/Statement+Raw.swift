import CSQLite

extension Statement {
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
