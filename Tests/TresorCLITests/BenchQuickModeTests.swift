import Foundation
import Testing

/// Runs the built `tresor-bench --quick` end to end: it must finish, exit 0 and write a results
/// file with every scenario and positive figures. The figures themselves are never compared with
/// the targets (a quick run measures nothing meaningful, and machines differ).
@Suite struct BenchQuickModeTests {
    /// The scenarios the tool had when this test was written; the results must hold at least these.
    static let scenarios = [
        "event-write", "profile-read", "accessor-read", "audit-append", "audit-verify", "bulk-scan", "erasure",
    ]

    /// The `tresor-bench` binary next to the test runner (SwiftPM builds it first: the test
    /// target depends on it).
    static let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("tresor-bench")

    /// The package root, where `Policies/default.json` lives.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func quickRunWritesEveryScenarioWithPositiveFigures() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try Self.run(["--quick", "--out", output.path], scratch: output)
        #expect(run.status == 0, "tresor-bench exited \(run.status): \(run.stderr)")
        #expect(run.stdout.contains("scenario"), "the table header is missing")

        let data = try Data(contentsOf: output.appendingPathComponent("results.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["quick"] as? Bool == true)
        let machine = try #require(root["machine"] as? [String: Any])
        #expect((machine["cores"] as? Int ?? 0) > 0)
        #expect((machine["memoryKiB"] as? Int ?? 0) > 0)
        let results = try #require(root["scenarios"] as? [[String: Any]])
        let names = results.compactMap { $0["name"] as? String }
        for scenario in Self.scenarios { #expect(names.contains(scenario), "results.json lacks \(scenario)") }
        for result in results {
            let name = result["name"] as? String ?? "?"
            #expect(result["error"] == nil, "\(name) failed: \(result["error"] ?? "")")
            let metrics = result["metrics"] as? [[String: Any]] ?? []
            #expect(!metrics.isEmpty, "\(name) reported no figure")
            for metric in metrics {
                let label = "\(name) / \(metric["name"] as? String ?? "?")"
                #expect((metric["value"] as? Double ?? 0) > 0, "\(label): value not positive")
                if let baseline = metric["baseline"] {
                    #expect((baseline as? Double ?? 0) > 0, "\(label): baseline not positive")
                }
                if let ratio = metric["ratio"] { #expect((ratio as? Double ?? 0) > 0, "\(label): ratio not positive") }
            }
            let memory = result["memory"] as? [String: Any] ?? [:]
            #expect((memory["peakKiB"] as? Int ?? 0) > 0, "\(name): no peak memory")
        }
    }

    @Test func unknownScenarioIsAUsageError() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try Self.run(
            ["--quick", "--only", "event-write,no-such-scenario", "--out", output.path], scratch: output)
        #expect(run.status == 64)
        #expect(run.stderr.contains("no-such-scenario"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("results.json").path))
    }

    /// Runs the binary from the package root; output goes through files so a full pipe never blocks it.
    static func run(_ arguments: [String], scratch: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no tresor-bench at \(binary.path)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let stdoutURL = scratch.appendingPathComponent("stdout.txt")
        let stderrURL = scratch.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        try stdout.close()
        try stderr.close()
        return (
            process.terminationStatus, try String(contentsOf: stdoutURL, encoding: .utf8),
            try String(contentsOf: stderrURL, encoding: .utf8)
        )
    }
}
