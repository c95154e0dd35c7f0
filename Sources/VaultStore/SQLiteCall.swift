import CSQLite

/// The raw sqlite3 calls of `VaultStore` that can fail, gathered in one place so that every
/// result code goes through `check`.
enum SQLiteCall {
    static let ok = SQLITE_OK
    static let row = SQLITE_ROW
    static let done = SQLITE_DONE

    /// Throws a `StoreError` for any code other than the accepted ones.
    static func check(
        _ code: Int32, _ handle: OpaquePointer?, step: StoreError.Step, sql: String? = nil,
        accept: Int32 = SQLITE_OK
    ) throws(StoreError) {
        guard code != accept else { return }
        throw makeError(code, handle, step: step, sql: sql)
    }

    static func makeError(_ code: Int32, _ handle: OpaquePointer?, step: StoreError.Step, sql: String?) -> StoreError {
        let message: String
        if let handle, let text = sqlite3_errmsg(handle) {
            message = String(cString: text)
        } else if let text = sqlite3_errstr(code) {
            message = String(cString: text)
        } else {
            message = "unknown error"
        }
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
        return StoreError(code: extended, step: step, message: message, sql: sql)
    }
}
