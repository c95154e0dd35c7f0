import Foundation

/// The git revision of the working directory, when `git` is on PATH and the run starts inside a
/// repository: `b0d2d1f`, or `b0d2d1f-dirty` with uncommitted changes; nil otherwise.
enum SourceRevision {
    static func current() -> String? {
        guard let head = git(["rev-parse", "--short", "HEAD"]), !head.isEmpty else { return nil }
        let status = git(["status", "--porcelain", "--untracked-files=no"]) ?? ""
        return status.isEmpty ? head : head + "-dirty"
    }

    private static func git(_ arguments: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        guard
            let git = path.split(separator: ":").map({ URL(fileURLWithPath: String($0)).appendingPathComponent("git") })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else { return nil }
        let process = Process()
        process.executableURL = git
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
