import Foundation
// A test helper: commits batches into a store, then starts a large transaction and waits to be
// killed in the middle of it. Used by VaultStoreTests to prove crash consistency.
import VaultStore

let arguments = CommandLine.arguments
guard arguments.count == 3, let committed = Int(arguments[2]) else {
    print("usage: store-crash-probe DATABASE COMMITTED_BATCHES")
    exit(64)
}
let migrations = [
    Migration(
        version: 1, name: "rows", sql: "CREATE TABLE rows (batch INTEGER NOT NULL, n INTEGER NOT NULL, payload BLOB)")
]
let store = try Store(path: arguments[1], durability: .full, migrations: migrations)
let payload = [UInt8](repeating: 0xAB, count: 200)
for batch in 0..<committed {
    try store.write { db in
        for n in 0..<1000 { try db.run("INSERT INTO rows VALUES (?, ?, ?)", [batch, n, payload]) }
    }
}
try store.write { db in
    var n = 0
    while true {
        try db.run("INSERT INTO rows VALUES (?, ?, ?)", [-1, n, payload])
        n += 1
        if n == 20_000 { FileHandle.standardOutput.write(Data("in-transaction\n".utf8)) }
    }
}
