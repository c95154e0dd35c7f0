/// A read connection whose read transaction is kept open between calls for as long as nothing has
/// been committed to the database, so that a run of small reads (consent checks at send time) pays
/// SQLite's per-transaction locking only when the data changed, and still sees every commit made
/// before each call, by any connection or process.
///
/// Each call compares the WAL-index header (`WALIndexWatch`) with the one recorded when the open
/// transaction began. Equal: nothing was committed since, so the open snapshot is the current
/// state. Different, or unreadable: the transaction ends and a new one begins. A transaction is
/// reused only when the header read just before it began equals the one read just after, so its
/// snapshot is known to be the state that header describes.
///
/// While a snapshot is held, a checkpoint cannot move past it and the WAL cannot restart: end it
/// (`end()`) when the run of reads is over.
final class CurrentSnapshot {
    let connection: Connection
    private var watch: WALIndexWatch?
    /// The header the open transaction's snapshot is known to match; nil when it must not be reused.
    private var held: WALIndexWatch.Header?
    /// How many read transactions were begun (for tests).
    private(set) var transactionsBegun = 0

    init(connection: Connection) { self.connection = connection }

    /// Runs `body` on a snapshot that includes every transaction committed before the call.
    func read<R>(_ body: (Connection) throws -> R) throws -> R {
        let before = watch?.header()
        if connection.isInTransaction {
            if let held, before == held { return try run(body) }
            end()
        }
        try connection.beginSnapshot()
        transactionsBegun += 1
        if watch == nil { watch = WALIndexWatch(databasePath: connection.path) }
        let after = watch?.header()
        held = before != nil && before == after ? before : nil
        return try run(body)
    }

    /// Ends the open read transaction, if any.
    func end() {
        held = nil
        connection.endSnapshot()
    }

    private func run<R>(_ body: (Connection) throws -> R) throws -> R {
        do {
            return try body(connection)
        } catch {
            end()
            throw error
        }
    }
}

@available(*, unavailable)
extension CurrentSnapshot: Sendable {}
