/// Scoped transactions: begin, run the body, commit; on any error roll back and rethrow the
/// first error.
extension Connection {
    /// How a transaction takes its lock.
    public enum TransactionKind: String, Sendable {
        /// Takes the write lock at once (writers: no upgrade deadlocks).
        case immediate = "IMMEDIATE"
        /// Takes a read snapshot at the first read (readers).
        case deferred = "DEFERRED"

        /// The statement that opens it (a constant, so that the statement cache finds it without
        /// building a string).
        var beginSQL: String {
            switch self {
            case .immediate: "BEGIN IMMEDIATE"
            case .deferred: "BEGIN DEFERRED"
            }
        }
    }

    /// Runs `body` inside a transaction. BEGIN, COMMIT and ROLLBACK are prepared once and kept in
    /// the statement cache: `sqlite3_exec` would parse them again on every transaction.
    public func transaction<R>(_ kind: TransactionKind = .immediate, _ body: () throws -> R) throws -> R {
        do {
            try runControl(kind.beginSQL)
        } catch {
            throw StoreError(code: error.code, step: .begin, message: error.message, sql: error.sql)
        }
        do {
            let result = try body()
            do {
                try runControl("COMMIT")
            } catch {
                throw StoreError(code: error.code, step: .commit, message: error.message, sql: error.sql)
            }
            return result
        } catch {
            if isInTransaction { try? runControl("ROLLBACK") }
            throw error
        }
    }

    /// Steps a cached transaction-control statement once and resets it.
    func runControl(_ sql: String) throws(StoreError) {
        let statement = try statement(sql)
        defer { statement.reset() }
        try statement.step()
    }
}

extension Connection {
    /// Begins a read transaction and takes its snapshot at once (a deferred BEGIN would take it
    /// at the first read).
    func beginSnapshot() throws(StoreError) {
        do {
            try runControl(TransactionKind.deferred.beginSQL)
            try runControl("PRAGMA schema_version")
        } catch {
            if isInTransaction { try? runControl("ROLLBACK") }
            throw StoreError(code: error.code, step: .begin, message: error.message, sql: error.sql)
        }
    }

    /// Ends a read transaction begun by `beginSnapshot` (nothing when none is open).
    func endSnapshot() {
        if isInTransaction { try? runControl("COMMIT") }
    }
}
