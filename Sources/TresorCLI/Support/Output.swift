import Foundation
import Vault

/// Output helpers: JSON for `--json`, aligned tables for people.
enum Output {
    /// Pretty JSON with sorted keys.
    static func json(_ value: some Encodable, to context: CommandContext) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        context.stdout.writeLine(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// A plain table with a header row.
    static func table(_ header: [String], _ rows: [[String]], to context: CommandContext) {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        context.stdout.writeLine(line(header))
        for row in rows { context.stdout.writeLine(line(row)) }
    }

    /// A time as `yyyy-MM-dd HH:mm:ss UTC`.
    static func time(_ milliseconds: Int64) -> String {
        let iso = VaultTime.iso8601(milliseconds)
        return iso.replacingOccurrences(of: "T", with: " ").prefix(19) + " UTC"
    }
}

/// Progress on a terminal (stderr), silent when stderr is not a terminal.
struct Progress {
    let enabled: Bool
    let context: CommandContext

    init(_ context: CommandContext) {
        self.context = context
        enabled = isatty(STDERR_FILENO) == 1 && context.environment["TRESOR_NO_PROGRESS"] == nil
    }

    func update(_ text: String) {
        if enabled { context.stderr.write("\r\u{1B}[2K" + text) }
    }

    func finish() {
        if enabled { context.stderr.write("\r\u{1B}[2K") }
    }
}
