import Foundation
import Testing

@testable import VaultStore

/// `Store.currentRead` keeps one read transaction while nothing is committed, and never answers
/// from a snapshot older than the last commit, whichever connection made it.
@Suite struct CurrentSnapshotTests {
    let migrations = [Migration(version: 1, name: "rows", sql: "CREATE TABLE rows (id INTEGER PRIMARY KEY)")]

    func count(_ store: Store) throws -> Int64? {
        try store.currentRead { try $0.scalarInt("SELECT count(*) FROM rows") }
    }

    @Test func everyReadSeesTheCommitsOfAnotherConnectionBeforeIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let reader = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        // A second store on the same file stands for another process.
        let other = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        #expect(try count(reader) == 0)
        for n in 1...50 {
            try other.write { try $0.run("INSERT INTO rows (id) VALUES (?)", [Int64(n)]) }
            #expect(try count(reader) == Int64(n))
            #expect(try count(reader) == Int64(n))
        }
    }

    @Test func readsShareOneTransactionUntilSomethingIsCommitted() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let reader = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        let other = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        try other.write { try $0.run("INSERT INTO rows (id) VALUES (1)") }
        for _ in 0..<100 { #expect(try count(reader) == 1) }
        let begun = try #require(reader.current).transactionsBegun
        // The first read cannot know the header yet, the second records it; then no more.
        #expect(begun <= 2)
        try other.write { try $0.run("INSERT INTO rows (id) VALUES (2)") }
        #expect(try count(reader) == 2)
        #expect(try #require(reader.current).transactionsBegun == begun + 1)
        // The store's own writer counts as a change too.
        try reader.write { try $0.run("INSERT INTO rows (id) VALUES (3)") }
        #expect(try count(reader) == 3)
        #expect(try #require(reader.current).transactionsBegun == begun + 2)
    }

    @Test func endingTheReadsEndsTheTransaction() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        #expect(try count(store) == 0)
        let snapshot = try #require(store.current)
        #expect(snapshot.connection.isInTransaction)
        store.endCurrentReads()
        #expect(!snapshot.connection.isInTransaction)
        // With no snapshot held, a checkpoint can truncate the whole WAL.
        try store.write { try $0.run("INSERT INTO rows (id) VALUES (1)") }
        try store.withWriter { try $0.checkpointAndTruncateWAL() }
        #expect(try count(store) == 1)
    }

    @Test func anErrorInsideAReadEndsItsTransaction() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        #expect(throws: StoreError.self) { try store.currentRead { try $0.scalarInt("SELECT nope FROM rows") } }
        #expect(try store.current?.connection.isInTransaction == false)
        #expect(try count(store) == 0)
    }

    @Test func theWALIndexHeaderChangesWithEveryCommitAndOnlyThen() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(WALIndexWatch(databasePath: dir.path("missing.sqlite")) == nil)
        let store = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        try store.write { try $0.run("INSERT INTO rows (id) VALUES (1)") }
        let watch = try #require(WALIndexWatch(databasePath: dir.path("db.sqlite")))
        let first = try #require(watch.header())
        _ = try store.read { try $0.scalarInt("SELECT count(*) FROM rows") }
        #expect(watch.header() == first)
        var seen = [first]
        for n in 2...20 {
            try store.write { try $0.run("INSERT INTO rows (id) VALUES (?)", [Int64(n)]) }
            let header = try #require(watch.header())
            #expect(!seen.contains(header))
            seen.append(header)
        }
        // A checkpoint that empties the WAL is followed by a restart at the next commit, with new
        // salts: the header still never repeats.
        try store.withWriter { try $0.checkpointAndTruncateWAL() }
        try store.write { try $0.run("INSERT INTO rows (id) VALUES (100)") }
        #expect(!seen.contains(try #require(watch.header())))
    }
}
