/// A numbered schema change. Migrations run in order, once each, and are recorded in
/// `schema_migrations` inside the same transaction as their SQL.
public struct Migration: Sendable {
    /// The migration's number (1, 2, 3...; never reused).
    public let version: Int
    /// A short name for humans.
    public let name: String
    /// The SQL to run.
    public let sql: String
    /// What SQL alone can't express (re-encoding rows), run after `sql` in the same transaction.
    public let apply: (@Sendable (Connection) throws -> Void)?

    /// Creates a migration.
    public init(version: Int, name: String, sql: String, apply: (@Sendable (Connection) throws -> Void)? = nil) {
        self.version = version
        self.name = name
        self.sql = sql
        self.apply = apply
    }
}

extension Connection {
    /// Applies every migration not yet recorded; returns the versions applied now.
    @discardableResult
    public func migrate(_ migrations: [Migration]) throws -> [Int] {
        try execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)
            """)
        var applied: Set<Int> = []
        try forEachRow("SELECT version FROM schema_migrations") { applied.insert(Int($0.int64(0))) }
        var ran: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) where !applied.contains(migration.version) {
            try transaction {
                try execute(migration.sql)
                try migration.apply?(self)
                try run(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, unixepoch())",
                    [migration.version, migration.name])
            }
            ran.append(migration.version)
        }
        return ran
    }

    /// The highest applied migration version, or 0.
    public func schemaVersion() throws(StoreError) -> Int {
        Int(try scalarInt("SELECT max(version) FROM schema_migrations") ?? 0)
    }
}
