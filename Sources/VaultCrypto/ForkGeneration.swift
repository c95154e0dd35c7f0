import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A counter raised in a child process right after `fork`: whatever draws ahead from the CSPRNG
/// (`NoncePool`, `SealRun`, the key reserve of `KeySlab`) notes the generation it drew in, and
/// draws afresh when it changed, so a child never hands out what its parent will.
///
/// `process` is the one the fork handler raises; tests give their instances a counter of their
/// own, so that simulating a fork in one test does not start new runs in others running beside it.
final class ForkGeneration: Sendable {
    private let value = Atomic<Int>(0)

    init() {}

    /// The process's counter; the first use installs the fork handler. The handler runs in the
    /// child, where another thread may have held a lock at the fork: it only bumps an atomic.
    static let process: ForkGeneration = {
        let generation = ForkGeneration()
        pthread_atfork(nil, nil) { ForkGeneration.process.advance() }
        return generation
    }()

    var current: Int { value.load(ordering: .sequentiallyConsistent) }

    /// What the fork handler does (and tests, on their own counters).
    func advance() { value.add(1, ordering: .sequentiallyConsistent) }
}
