import Testing
import VaultStore

/// `Store.withBulkWrites` raises the writer's cache and checkpoint interval for its body only.
@Suite struct BulkWritesTests {
    /// `cache_size` and `wal_autocheckpoint` of the writer, as "cache/checkpoint".
    func settings(_ store: Store) throws -> String {
        try store.withWriter { db throws -> String in
            let cache = try db.scalarInt("PRAGMA cache_size") ?? 0
            let checkpoint = try db.scalarInt("PRAGMA wal_autocheckpoint") ?? 0
            return "\(cache)/\(checkpoint)"
        }
    }

    @Test func settingsHoldInsideAndComeBackAfter() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(
            path: dir.path("db.sqlite"), migrations: [Migration(version: 1, name: "t", sql: "CREATE TABLE t (x)")])
        let defaults = "-\(Connection.defaultCacheKiB)/\(Connection.defaultCheckpointPages)"
        #expect(try settings(store) == defaults)
        var inside: [String] = []
        let written = try store.withBulkWrites(cacheKiB: 4096, checkpointPages: 1000) { () throws -> Int in
            inside.append(try settings(store))
            // A nested call keeps the outer settings.
            try store.withBulkWrites(cacheKiB: 1024, checkpointPages: 10) { () throws -> Void in
                inside.append(try settings(store))
            }
            return try store.write { db in
                try db.run("INSERT INTO t VALUES (1)")
                return db.changes
            }
        }
        #expect(written == 1)
        #expect(inside == ["-4096/1000", "-4096/1000"])
        #expect(try settings(store) == defaults)
        #expect(try store.read { try $0.scalarInt("SELECT count(*) FROM t") } == 1)
    }

    @Test func settingsComeBackAfterAnError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.path("db.sqlite"))
        #expect(throws: Boom.self) {
            try store.withBulkWrites(cacheKiB: 4096, checkpointPages: 1000) { throw Boom() }
        }
        #expect(try settings(store) == "-\(Connection.defaultCacheKiB)/\(Connection.defaultCheckpointPages)")
    }
}
