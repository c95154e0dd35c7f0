import Testing
import VaultStore

/// `BindArena` and the statement binds that read from it: every copy keeps its bytes until the
/// arena is reset, however many chunks the copies span, and rows bound through it store exactly
/// the values given — texts, blobs, empty ones and ones larger than a chunk.
@Suite struct BindArenaTests {
    /// `count` bytes that differ from value to value.
    func bytes(_ seed: Int, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ seed &* 7) }
    }

    @Test func copiesKeepTheirBytesUntilReset() {
        let arena = BindArena()
        // Sizes that cross chunk boundaries (64 KiB), an empty value and one larger than a chunk.
        let sizes = [0, 1, 16, 100, 40_000, 30_000, 5_000, 70_000, 3, 65_536, 0, 12]
        for round in 0..<2 {
            var originals: [[UInt8]] = []
            var copies: [UnsafeRawBufferPointer] = []
            for (index, size) in sizes.enumerated() {
                let value = bytes(index + round, count: size)
                originals.append(value)
                copies.append(value.withUnsafeBytes { arena.copy($0) })
            }
            for (original, copy) in zip(originals, copies) {
                #expect(copy.baseAddress != nil)
                #expect(Array(copy) == original)
            }
            arena.reset()
        }
    }

    @Test func rowsBoundFromTheArenaStoreTheirValues() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(
            path: dir.path("db.sqlite"),
            migrations: [
                Migration(version: 1, name: "rows", sql: "CREATE TABLE rows (n INTEGER, name TEXT, body BLOB)")
            ])
        let arena = BindArena()
        let names = ["", "имя", "a name longer than fifteen bytes", String(repeating: "z", count: 70_000)]
        let bodies = [[], bytes(1, count: 16), bytes(2, count: 300), bytes(3, count: 80_000)]
        try store.write { db in
            let insert = try db.statement(
                "INSERT INTO rows (n, name, body) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?), (?, ?, ?)")
            for round in 0..<2 {
                for index in 0..<4 {
                    let column = Int32(index * 3 + 1)
                    try insert.bind(Int64(round * 4 + index), at: column)
                    try insert.bind(names[index], at: column + 1, in: arena)
                    try bodies[index].withUnsafeBytes { try insert.bind(raw: $0, at: column + 2, in: arena) }
                }
                try insert.step()
                insert.reset()
                insert.clearBindings()
                arena.reset()
            }
        }
        try store.read { db in
            let select = try db.statement("SELECT n, name, body, typeof(body) FROM rows ORDER BY n")
            var count = 0
            while try select.step() {
                let index = Int(select.int64(0)) % 4
                #expect(Array(select.columnBytes(1)) == Array(names[index].utf8))
                #expect(Array(select.columnBytes(2)) == bodies[index])
                // An empty value is an empty blob, not NULL.
                #expect(select.text(3) == "blob")
                count += 1
            }
            #expect(count == 8)
        }
    }

    @Test func clearedBindingsAreNull() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.path("db.sqlite"), migrations: [])
        let arena = BindArena()
        try store.read { db in
            let select = try db.statement("SELECT ? IS NULL")
            try select.bind("value", at: 1, in: arena)
            #expect(try select.step())
            #expect(select.int64(0) == 0)
            select.reset()
            select.clearBindings()
            arena.reset()
            #expect(try select.step())
            #expect(select.int64(0) == 1)
            select.reset()
        }
    }
}
