import Testing
import VaultStore

/// `Statement.columnBytes` and `bind(bytes:at:)`: blobs and text read in place, and raw bytes bound
/// without an array.
@Suite struct ColumnBytesTests {
    let migrations = [
        Migration(version: 1, name: "rows", sql: "CREATE TABLE rows (id BLOB PRIMARY KEY, name TEXT, body BLOB)")
    ]

    @Test func readsBlobsTextAndNullInPlace() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.path("db.sqlite"), migrations: migrations)
        let id: [UInt8] = Array(0..<16)
        try store.write { db in
            let insert = try db.statement("INSERT INTO rows (id, name, body) VALUES (?, ?, ?)")
            try id.withUnsafeBytes { try insert.bind(bytes: $0, at: 1) }
            try insert.bind("имя", at: 2)
            try insert.bindNull(at: 3)
            try insert.step()
            insert.reset()
            try db.run("INSERT INTO rows (id, name, body) VALUES (?, ?, ?)", [[UInt8]([9]), "", [UInt8]([1, 2, 3])])
        }
        try store.read { db in
            let select = try db.statement("SELECT name, body FROM rows WHERE id = ?")
            try id.withUnsafeBytes { try select.bind(bytes: $0, at: 1) }
            #expect(try select.step())
            #expect(Array(select.columnBytes(0)) == Array("имя".utf8))
            #expect(select.columnBytes(1).isEmpty)
            select.reset()
            try select.bind([UInt8]([9]), at: 1)
            #expect(try select.step())
            // Reading another column leaves the first column's bytes in place.
            let name = select.columnBytes(0)
            #expect(Array(select.columnBytes(1)) == [1, 2, 3])
            #expect(name.isEmpty)
            select.reset()
        }
    }
}
