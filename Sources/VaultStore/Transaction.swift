/// Scoped transactions: begin, run the body, commit; on any error roll back and rethrow the
/// first error.
extension Connection {
    /// How a transaction takes its lock.
    public enum TransactionKind: String, Sendable {
        /// Takes the write lock at once (writers: no upgrade deadlocks).
        case immediate = "IMMEDIATE"
        /// Takes a read snapshot at the first read (readers).
        case deferred = "DEFERRED"
    }

    /// Runs `body` inside a transaction.
    public func transaction<R>(_ kind: TransactionKind = .immediate, _ body: () throws -> R) throws -> R {
        do {
            try execute("BEGIN \(kind.rawValue)")
        } catch {
            throw StoreError(code: error.code, step: .begin, message: error.message, sql: error.sql)
        }
        do {
            let result = try body()
            do {
                try execute("COMMIT")
            } catch {
                throw StoreError(code: error.code, step: .commit, message: error.message, sql: error.sql)
            }
            return result
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }
}
