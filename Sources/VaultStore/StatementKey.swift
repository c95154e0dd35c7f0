import Synchronization

/// SQL text with a process-wide number, for statements run on hot paths (a profile read runs
/// three): a connection finds its prepared statement for a key by index, where looking one up by
/// its text hashes the whole text every time. Declare keys once, as `static let`.
public struct StatementKey: Sendable {
    /// The statement's SQL.
    public let sql: String
    /// Dense, from 0: the slot of this statement in every connection's keyed cache.
    let number: Int

    private static let next = Atomic<Int>(0)

    /// A key for `sql`; each call makes a new number, so make each key once.
    public init(_ sql: String) {
        self.sql = sql
        number = Self.next.add(1, ordering: .relaxed).oldValue
    }
}
