import Testing
import VaultStore

/// Transactions run BEGIN, COMMIT and ROLLBACK as statements prepared once; they must behave as
/// the `sqlite3_exec` calls they replace.
@Suite struct TransactionTests {
    let migrations = [Migration(version: 1, name: "rows", sql: "CREATE TABLE rows (id INTEGER PRIMARY KEY)")]

    @Test func manyTransactionsCommitAndRollBack() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        for index in 0..<50 {
            if index % 2 == 0 {
                try store.write { try $0.run("INSERT INTO rows (id) VALUES (?)", [index]) }
            } else {
                #expect(throws: Boom.self) {
                    try store.write { db in
                        try db.run("INSERT INTO rows (id) VALUES (?)", [index])
                        throw Boom()
                    }
                }
            }
            #expect(try store.read { try $0.scalarInt("SELECT count(*) FROM rows") } == Int64(index / 2 + 1))
        }
    }

    @Test func aNestedBeginFailsAsBeginAndLeavesTheOuterTransactionUsable() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        try store.write { db in
            try db.run("INSERT INTO rows (id) VALUES (1)")
            do {
                try db.transaction { try db.run("INSERT INTO rows (id) VALUES (2)") }
                Issue.record("a transaction inside a transaction must fail")
            } catch let error as StoreError {
                #expect(error.step == .begin)
            }
            try db.run("INSERT INTO rows (id) VALUES (3)")
        }
        #expect(try store.read { try $0.scalarInt("SELECT count(*) FROM rows") } == 2)
        #expect(store.withWriter { $0.isInTransaction } == false)
    }

    @Test func aFailedCommitRollsBack() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(
            path: dir.path("db.sqlite"),
            migrations: [
                Migration(
                    version: 1, name: "deferred",
                    sql: """
                        CREATE TABLE parents (id INTEGER PRIMARY KEY);
                        CREATE TABLE children (parent INTEGER REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED);
                        """)
            ])
        // A deferred foreign key fails at COMMIT, not at the INSERT.
        do {
            try store.write { try $0.run("INSERT INTO children (parent) VALUES (42)") }
            Issue.record("the commit must fail")
        } catch let error as StoreError {
            #expect(error.step == .commit)
        }
        #expect(store.withWriter { $0.isInTransaction } == false)
        #expect(try store.read { try $0.scalarInt("SELECT count(*) FROM children") } == 0)
        try store.write { try $0.run("INSERT INTO parents (id) VALUES (42)") }
    }
}
