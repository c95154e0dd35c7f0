import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The process's memory: `getrusage` peak and /proc/self/status current (VmRSS) and peak (VmHWM).
/// The peak cannot be reset, so each scenario reports the process peak after it and how much
/// the peak rose during it.
struct MemorySnapshot: Codable, Sendable {
    /// Resident set size now, KiB (0 when /proc is unavailable).
    var residentKiB: Int
    /// Peak resident set size so far, KiB, from VmHWM (0 when /proc is unavailable).
    var peakKiB: Int
    /// Peak resident set size so far, KiB, from getrusage's ru_maxrss.
    var maxRSSKiB: Int

    /// Reads the current figures.
    static func now() -> MemorySnapshot {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        var resident = 0
        var peak = 0
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in status.split(separator: "\n") {
                if line.hasPrefix("VmRSS:") { resident = kilobytes(line) }
                if line.hasPrefix("VmHWM:") { peak = kilobytes(line) }
            }
        }
        return MemorySnapshot(residentKiB: resident, peakKiB: peak, maxRSSKiB: Int(usage.ru_maxrss))
    }

    private static func kilobytes(_ line: Substring) -> Int {
        Int(line.split(separator: " ").dropFirst().first { Int($0) != nil } ?? "") ?? 0
    }
}

/// Memory around one scenario.
struct MemoryReport: Codable, Sendable {
    /// Process peak RSS after the scenario (ru_maxrss), KiB.
    var peakKiB: Int
    /// How much the process peak (VmHWM) rose during the scenario, KiB: the scenario's own
    /// high-water mark above what earlier scenarios already reached (0 when it stayed below).
    var peakRiseKiB: Int
    /// RSS before and after the scenario, KiB.
    var residentBeforeKiB: Int
    var residentAfterKiB: Int

    init(before: MemorySnapshot, after: MemorySnapshot) {
        peakKiB = after.maxRSSKiB
        peakRiseKiB = max(0, after.peakKiB - before.peakKiB)
        residentBeforeKiB = before.residentKiB
        residentAfterKiB = after.residentKiB
    }
}
