import Testing
import VaultStore

/// `Connection.statement(_: StatementKey)`: a keyed statement is prepared once per connection and
/// found again by its number; distinct keys never share a statement.
@Suite struct StatementKeyTests {
    static let insert = StatementKey("INSERT INTO rows (id, name) VALUES (?, ?)")
    static let byID = StatementKey("SELECT name FROM rows WHERE id = ?")
    static let count = StatementKey("SELECT count(*) FROM rows")

    let migrations = [Migration(version: 1, name: "rows", sql: "CREATE TABLE rows (id INTEGER PRIMARY KEY, name TEXT)")]

    @Test func keyedStatementsArePreparedOnceAndComeBackReset() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        try store.write { db in
            let first = try db.statement(Self.insert)
            try first.bind(1, at: 1)
            try first.bind("один", at: 2)
            _ = try first.step()
            // The same key gives the same prepared statement, reset (its step ran to the end).
            let again = try db.statement(Self.insert)
            #expect(again === first)
            try again.bind(2, at: 1)
            try again.bind("два", at: 2)
            _ = try again.step()
            let other = try db.statement(Self.byID)
            #expect(other !== first)
        }
        try store.read { db in
            let select = try db.statement(Self.byID)
            try select.bind(2, at: 1)
            #expect(try select.step())
            #expect(select.text(0) == "два")
            // Half-read: the next lookup resets it, so the query starts over.
            let restarted = try db.statement(Self.byID)
            try restarted.bind(1, at: 1)
            #expect(try restarted.step())
            #expect(restarted.text(0) == "один")
            restarted.reset()
            let count = try db.statement(Self.count)
            #expect(try count.step())
            #expect(count.int64(0) == 2)
        }
    }

    @Test func keysAreNumberedApartEvenForTheSameText() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        let a = StatementKey("SELECT 1")
        let b = StatementKey("SELECT 1")
        try store.read { db in
            let first = try db.statement(a)
            let second = try db.statement(b)
            let firstAgain = try db.statement(a)
            #expect(first !== second)
            #expect(first === firstAgain)
        }
    }
}
