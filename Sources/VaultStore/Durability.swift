/// How much a committed write survives.
///
/// - `full` (`synchronous=FULL`): every commit is fsynced; an acknowledged write survives a
///   process crash and a power loss. About 125 µs per commit on the reference machine.
/// - `normal` (`synchronous=NORMAL` in WAL mode): an acknowledged write survives a process crash
///   (the WAL is in the OS cache) but the last commits may be lost on power loss; the database
///   stays consistent either way. About 13 µs per commit.
public enum Durability: String, Sendable, CaseIterable, Codable {
    case full
    case normal

    var pragmaValue: String {
        switch self {
        case .full: "FULL"
        case .normal: "NORMAL"
        }
    }
}
