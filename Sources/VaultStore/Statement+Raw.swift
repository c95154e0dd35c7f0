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
