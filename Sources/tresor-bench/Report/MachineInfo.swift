import Foundation
import VaultStore

#if canImport(Glibc)
    import Glibc
#endif

/// The machine and the libraries a run measured.
struct MachineInfo: Codable, Sendable {
    var cores: Int
    var memoryKiB: Int
    var cpu: String
    var operatingSystem: String
    var kernel: String
    var swiftVersion: String
    var libsodiumVersion: String
    var sqliteVersion: String
    /// `release` or `debug`: how tresor-bench itself was compiled.
    var build: String
    /// The 1-minute load average when the run started and when it ended: other work on the
    /// machine (a load above the core count) makes every figure slower and noisier.
    var loadAtStart: Double
    var loadAtEnd: Double?

    /// Collects the figures; `scratch` is a folder where a throwaway database may be made.
    static func collect(scratch: URL) -> MachineInfo {
        #if DEBUG
            let build = "debug"
        #else
            let build = "release"
        #endif
        return MachineInfo(
            cores: ProcessInfo.processInfo.activeProcessorCount, memoryKiB: memoryKiB(), cpu: cpuModel(),
            operatingSystem: operatingSystem(), kernel: kernel(), swiftVersion: swiftVersion(),
            libsodiumVersion: libsodiumVersion(), sqliteVersion: sqliteVersion(scratch: scratch), build: build,
            loadAtStart: loadAverage(), loadAtEnd: nil)
    }

    /// The 1-minute load average from /proc/loadavg (0 when unavailable).
    static func loadAverage() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8),
            let first = text.split(separator: " ").first
        else { return 0 }
        return Double(first) ?? 0
    }

    /// The load averages, for the record.
    var loadSummary: String {
        "load average \(NumberText.fixed(loadAtStart, digits: 2)) at start"
            + (loadAtEnd.map { ", \(NumberText.fixed($0, digits: 2)) at end" } ?? "")
    }

    /// One line for the terminal and the document.
    var summary: String {
        "\(cores) cores (\(cpu)), \(NumberText.fixed(Double(memoryKiB) / 1_048_576, digits: 1)) GiB RAM, \(operatingSystem), Linux \(kernel)"
    }

    private static func memoryKiB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") })
        else { return Int(ProcessInfo.processInfo.physicalMemory / 1024) }
        return Int(line.split(separator: " ").first { Int($0) != nil } ?? "") ?? 0
    }

    private static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let value = line.split(separator: ":", maxSplits: 1).last
        else { return "unknown CPU" }
        return value.trimmingCharacters(in: .whitespaces)
    }

    private static func operatingSystem() -> String {
        guard let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") })
        else { return "unknown OS" }
        return line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }

    private static func kernel() -> String {
        (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
    }

    /// `swift --version`'s first line, when `swift` is on PATH.
    private static func swiftVersion() -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        guard
            let swift = path.split(separator: ":").map({
                URL(fileURLWithPath: String($0)).appendingPathComponent("swift")
            })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else { return "unknown" }
        let process = Process()
        process.executableURL = swift
        process.arguments = ["--version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "unknown"
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.contains("Swift version") }) else {
            return "unknown"
        }
        return line.replacingOccurrences(of: "Swift version ", with: "").trimmingCharacters(in: .whitespaces)
    }

    /// libsodium's `sodium_version_string()`, looked up in the running process (VaultCrypto links it).
    private static func libsodiumVersion() -> String {
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "sodium_version_string") else {
            return "unknown"
        }
        typealias VersionFunction = @convention(c) () -> UnsafePointer<CChar>?
        guard let text = unsafeBitCast(symbol, to: VersionFunction.self)() else { return "unknown" }
        return String(cString: text)
    }

    /// `SELECT sqlite_version()` through VaultStore on a throwaway database.
    private static func sqliteVersion(scratch: URL) -> String {
        let path = scratch.appendingPathComponent("sqlite-version.sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let store = try Store(path: path, durability: .normal)
            return try store.withWriter { db in
                let statement = try db.statement("SELECT sqlite_version()")
                defer { statement.reset() }
                return try statement.step() ? statement.text(0) ?? "unknown" : "unknown"
            }
        } catch {
            return "unknown"
        }
    }
}
