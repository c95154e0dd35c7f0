import Testing

@testable import TresorCLI

/// The allocator thresholds the tools set at start (decision 31) are ones glibc accepts: a value
/// past its ceiling would be refused and the tuning silently lost.
@Suite struct AllocatorTuningTests {
    @Test func glibcAcceptsTheThresholds() {
        #expect(AllocatorTuning.apply())
        #expect(AllocatorTuning.mmapThreshold <= 32 << 20)
    }
}
