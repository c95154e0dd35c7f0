import VaultStore

extension Vault {
    /// Runs `body` — an import: many large `write` transactions in a row — with the storage tuned
    /// for it: a page cache of `cacheMiB` MiB for the writer (a batch of tens of thousands of rows
    /// dirties tens of thousands of index pages, which should stay in memory until its commit) and
    /// WAL checkpoints every 256 MiB of WAL instead of 32 MiB (an index page that consecutive
    /// batches rewrite is copied into the database file once per checkpoint). Durability and
    /// auditing are unchanged: each `write` inside commits, fsyncs and audits as usual. The
    /// defaults are restored afterwards (the cache shrinks back) and the WAL is checkpointed.
    public func bulkWrites<R>(cacheMiB: Int = 512, _ body: () throws -> R) throws -> R {
        try store.withBulkWrites(cacheKiB: cacheMiB * 1024, checkpointPages: Self.bulkCheckpointPages, body)
    }

    /// WAL pages (4 KiB each) between automatic checkpoints during `bulkWrites`.
    static let bulkCheckpointPages = 65_536
}
