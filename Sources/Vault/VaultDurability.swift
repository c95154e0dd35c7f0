import VaultStore

/// How much an acknowledged write survives (see Docs/operations.md).
///
/// - `full`: every commit is fsynced — survives a process crash and a power loss (default).
/// - `normal`: survives a process crash; the last commits may be lost on power loss, and the
///   database stays consistent. Roughly ten times cheaper per commit.
public enum VaultDurability: String, Sendable, CaseIterable, Codable {
    case full
    case normal

    var storeDurability: Durability { self == .full ? .full : .normal }
}
