/// Purposes of independent random streams; each person draws from its own stream per purpose.
enum RandomStream: UInt64 {
    case person = 1
    case records = 2
    case events = 3
    case consents = 4
    case hostile = 5
    case catalog = 6
}

extension RandomSource {
    /// The stream for one purpose and one person of a run seeded with `seed`.
    init(seed: UInt64, stream: RandomStream, index: Int) {
        self.init(seed: seed, stream: stream.rawValue, index: UInt64(index))
    }
}
