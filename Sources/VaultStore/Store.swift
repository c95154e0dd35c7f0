/// A database on disk: one writer connection and one reader connection (WAL lets the reader
/// see a consistent snapshot while the writer writes). Reach them only through `write` and `read`.
public final class Store {
    /// The database file.
    public let path: String
    /// The durability of commits.
    public let durability: Durability
    private let writer: Connection
    private var reader: Connection?
    /// Called after a write transaction rolled back (the vault drops caches it filled inside it).
    public var onRollback: (() -> Void)?

    /// Opens or creates the database and applies `migrations`.
    /// - Throws: `StoreError` when the file cannot be opened, is not a database, or a migration fails.
    public init(path: String, durability: Durability = .full, migrations: [Migration] = []) throws {
        self.path = path
        self.durability = durability
        writer = try Connection(path: path, durability: durability)
        try writer.migrate(migrations)
    }

    /// Runs `body` in a write transaction (`BEGIN IMMEDIATE`); any thrown error rolls it back.
    public func write<R>(_ body: (Connection) throws -> R) throws -> R {
        do {
            return try writer.transaction(.immediate) { try body(writer) }
        } catch {
            onRollback?()
            throw error
        }
    }

    /// Runs `body` — a bulk import: many large write transactions — with the writer's page cache at
    /// `cacheKiB`, so that a large transaction's dirty pages stay in memory until its commit instead
    /// of spilling into the WAL early, and with automatic checkpoints only past `checkpointPages`
    /// WAL pages, so that an index page rewritten by consecutive transactions reaches the database
    /// file once per checkpoint rather than once per transaction. Every commit stays as durable as
    /// before. Afterwards the defaults come back and a passive checkpoint runs. A nested call runs
    /// under the outer call's settings.
    public func withBulkWrites<R>(cacheKiB: Int, checkpointPages: Int, _ body: () throws -> R) throws -> R {
        guard !inBulkWrites else { return try body() }
        try writer.setCacheSize(kibibytes: cacheKiB)
        try writer.setCheckpointInterval(pages: checkpointPages)
        inBulkWrites = true
        defer {
            inBulkWrites = false
            try? writer.setCheckpointInterval(pages: Connection.defaultCheckpointPages)
            try? writer.setCacheSize(kibibytes: Connection.defaultCacheKiB)
        }
        let result = try body()
        try writer.checkpointPassively()
        return result
    }

    private var inBulkWrites = false

    /// Runs `body` on the writer connection outside a transaction (for PRAGMAs, checkpoints, backups).
    public func withWriter<R>(_ body: (Connection) throws -> R) rethrows -> R {
        try body(writer)
    }

    /// Runs `body` on the reader connection without an explicit transaction: each statement
    /// reads its own consistent snapshot (for single-statement lookups on hot paths).
    public func readStatement<R>(_ body: (Connection) throws -> R) throws -> R {
        try body(try readerConnection())
    }

    private func readerConnection() throws -> Connection {
        if let reader { return reader }
        let connection = try Connection(path: path, readOnly: true, durability: durability)
        reader = connection
        return connection
    }

    /// Runs `body` on a snapshot that includes every transaction committed before the call, by any
    /// connection or process, on a connection of its own whose read transaction stays open between
    /// calls while nothing is committed (`CurrentSnapshot`): a run of small reads pays SQLite's
    /// transaction locking only when the data changed. Call `endCurrentReads()` when the run is over.
    public func currentRead<R>(_ body: (Connection) throws -> R) throws -> R {
        if let current { return try current.read(body) }
        let snapshot = CurrentSnapshot(connection: try Connection(path: path, readOnly: true, durability: durability))
        current = snapshot
        return try snapshot.read(body)
    }

    /// Ends the snapshot `currentRead` keeps, so that checkpoints can pass it.
    public func endCurrentReads() {
        current?.end()
    }

    private(set) var current: CurrentSnapshot?

    /// Whether `currentRead` holds a read transaction open (until `endCurrentReads`).
    public var holdsCurrentSnapshot: Bool { current?.connection.isInTransaction ?? false }

    /// Runs `body` in a read transaction on the reader connection: a consistent snapshot that
    /// does not block, and is not blocked by, the writer.
    public func read<R>(_ body: (Connection) throws -> R) throws -> R {
        let connection = try readerConnection()
        return try connection.transaction(.deferred) { try body(connection) }
    }
}

@available(*, unavailable)
extension Store: Sendable {}
