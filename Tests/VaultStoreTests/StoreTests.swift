import Foundation
import Testing
import VaultStore

struct Boom: Error {}

@Suite struct StoreTests {
    let migrations = [
        Migration(
            version: 1, name: "people", sql: "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"),
        Migration(
            version: 2, name: "notes", sql: "CREATE TABLE notes (person INTEGER REFERENCES people(id), body BLOB)"),
    ]

    @Test func errorInsideTransactionLeavesNothingWritten() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        #expect(throws: Boom.self) {
            try store.write { db in
                try db.run("INSERT INTO people (name) VALUES (?)", ["a"])
                try db.run("INSERT INTO notes VALUES (1, ?)", [[UInt8]([1, 2, 3])])
                throw Boom()
            }
        }
        #expect(try store.read { try $0.scalarInt("SELECT count(*) FROM people") } == 0)
        #expect(try store.read { try $0.scalarInt("SELECT count(*) FROM notes") } == 0)
    }

    @Test func constraintErrorNamesSQLButNotValues() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        try store.write { try $0.run("INSERT INTO people (name) VALUES (?)", ["Мария Секретова"]) }
        do {
            try store.write { try $0.run("INSERT INTO people (name) VALUES (?)", ["Мария Секретова"]) }
            Issue.record("expected a constraint error")
        } catch let error as StoreError {
            #expect(error.isConstraintViolation)
            #expect(error.step == .step)
            #expect(error.description.contains("INSERT INTO people"))
            #expect(!error.description.contains("Секретова"))
        }
        #expect(try store.read { try $0.scalarInt("SELECT count(*) FROM people") } == 1)
    }

    @Test func migrationsRunOnceAndAreIdempotentOnReopen() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("db.sqlite")
        do {
            let store = try Store(path: path, migrations: Array(migrations.prefix(1)))
            try store.write { try $0.run("INSERT INTO people (name) VALUES ('x')") }
        }
        let store = try Store(path: path, migrations: migrations)
        let versions = try store.read { db in
            var versions: [Int64] = []
            try db.forEachRow("SELECT version FROM schema_migrations ORDER BY version") { versions.append($0.int64(0)) }
            return versions
        }
        #expect(versions == [1, 2])
        let again = try Store(path: path, migrations: migrations)
        #expect(try again.withWriter { try $0.migrate(migrations) } == [])
        #expect(try again.read { try $0.scalarInt("SELECT count(*) FROM people") } == 1)
    }

    @Test func typedValuesRoundTrip() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(
            path: dir.path("db.sqlite"),
            migrations: [Migration(version: 1, name: "t", sql: "CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n)")]
        )
        try store.write {
            try $0.run(
                "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
                [Int64.min, 2.5, "ёж 🦔", [UInt8]([0, 255]), DatabaseValue.null])
        }
        try store.read { db in
            try db.forEachRow("SELECT i, r, s, b, n FROM t") { row in
                #expect(row.int64(0) == Int64.min)
                #expect(row.double(1) == 2.5)
                #expect(row.text(2) == "ёж 🦔")
                #expect(row.blob(3) == [0, 255])
                #expect(row.isNull(4))
                #expect(row.value(2) == .text("ёж 🦔"))
            }
        }
    }

    @Test func readerSeesCommittedSnapshotWhileWriterWrites() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        try store.write { try $0.run("INSERT INTO people (name) VALUES ('committed')") }
        try store.write { db in
            try db.run("INSERT INTO people (name) VALUES ('pending')")
            // The reader runs while the write transaction holds the write lock.
            let seen = try store.read { try $0.scalarInt("SELECT count(*) FROM people") }
            #expect(seen == 1)
        }
        #expect(try store.read { try $0.scalarInt("SELECT count(*) FROM people") } == 2)
    }

    @Test func notADatabaseFailsAtOpen() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("garbage.sqlite")
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try Store(path: path, migrations: migrations) }
        do {
            _ = try Store(path: path, migrations: migrations)
        } catch let error as StoreError {
            #expect(error.isNotADatabase)
        }
    }

    @Test func sigkillDuringLargeTransactionKeepsEarlierCommits() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("crash.sqlite")
        let probe = Self.productsDirectory.appendingPathComponent("store-crash-probe")
        let process = Process()
        process.executableURL = probe
        process.arguments = [path, "5"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // Wait until the child is inside its big transaction, then kill it hard.
        var seen = ""
        let handle = output.fileHandleForReading
        while !seen.contains("in-transaction") {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(seen.contains("in-transaction"))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let store = try Store(path: path)
        let counts = try store.read { db in
            [
                try db.scalarInt("SELECT count(*) FROM rows WHERE batch >= 0"),
                try db.scalarInt("SELECT count(*) FROM rows WHERE batch < 0"),
                try db.scalarInt("SELECT count(DISTINCT batch) FROM rows"),
            ]
        }
        #expect(counts == [5000, 0, 5])
        try store.withWriter { db in
            var result = ""
            try db.forEachRow("PRAGMA integrity_check") { result = $0.text(0) ?? "" }
            #expect(result == "ok")
        }
    }

    /// The folder holding the built executables (next to the test bundle).
    static var productsDirectory: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
