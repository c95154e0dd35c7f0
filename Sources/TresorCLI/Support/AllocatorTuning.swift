import CMalloc

/// Tunes glibc's allocator once per process for Tresor's batch work (Docs/decisions.md, entry 32).
///
/// An import holds each batch (hundreds of thousands of messages and their small strings) next to
/// long-lived tables, then frees it all at once. With glibc's defaults the batch arrays come from
/// fresh `mmap` regions whose pages the kernel zeroes again every batch, and the heap top is
/// trimmed back to the kernel after each batch, only to be faulted in again by the next. Raising
/// both thresholds keeps that memory in the process: peak memory is unchanged (the same batch is
/// live at its peak), the page faults and zeroing go.
enum AllocatorTuning {
    /// Allocations at or above this many bytes get their own `mmap` region (glibc's ceiling).
    static let mmapThreshold: Int32 = 32 << 20
    /// Free memory at the heap top is returned to the kernel above this many bytes.
    static let trimThreshold: Int32 = 1 << 30

    /// Applies the thresholds (a no-op where the C library is not glibc). Returns whether glibc
    /// accepted both.
    @discardableResult
    static func apply() -> Bool { cmalloc_set_thresholds(mmapThreshold, trimThreshold) == 1 }
}
