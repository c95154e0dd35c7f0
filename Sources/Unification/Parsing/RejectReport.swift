public import Foundation

/// The rejected records of an import, written as CSV `file,line,field,reason,message`. It holds
/// positions, column names or JSON paths, reason codes and fixed texts: by construction it never
/// contains a value of the input.
public struct RejectReport: Sendable {
    /// One rejected record.
    public struct Entry: Sendable, Hashable {
        /// The input file's name.
        public let file: String
        /// The 1-based line where the record starts.
        public let line: Int
        /// The column name or JSON path concerned, when known.
        public let field: String?
        /// The stable reason code (`unterminated_quote`, `invalid_timestamp`, ...).
        public let reason: String
        /// A human-readable explanation (without the value).
        public let message: String
    }

    /// The rejects, in the order they were added.
    public private(set) var entries: [Entry] = []

    /// An empty report.
    public init() {}

    /// The number of rejects.
    public var count: Int { entries.count }

    /// True when nothing was rejected.
    public var isEmpty: Bool { entries.isEmpty }

    /// The number of rejects per reason code.
    public var countsByReason: [String: Int] {
        entries.reduce(into: [:]) { $0[$1.reason, default: 0] += 1 }
    }

    /// Puts the rejects in line order, keeping the order of those on one line: for importers that
    /// learn of some rejects (refused consent records) only when their batch is written.
    mutating func sortByLine() {
        entries = entries.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
    }

    /// Records `problem` found in the file named `file`.
    mutating func add(_ problem: RecordProblem, file: String) {
        entries.append(
            Entry(
                file: file, line: problem.line, field: problem.field, reason: problem.reason.code,
                message: problem.reason.message))
    }

    /// The report as CSV text with a header line, LF line ends.
    public var csvText: String {
        var text = "file,line,field,reason,message\n"
        for entry in entries {
            text += [entry.file, String(entry.line), entry.field ?? "", entry.reason, entry.message]
                .map(Self.escaped).joined(separator: ",")
            text += "\n"
        }
        return text
    }

    /// Writes the report as CSV to `url` (atomically).
    public func write(to url: URL) throws(UnificationError) {
        do {
            try Data(csvText.utf8).write(to: url, options: .atomic)
        } catch {
            throw UnificationError(.cannotWrite, fileName: url.lastPathComponent, "cannot write the reject report")
        }
    }

    /// A CSV field, quoted when it contains a comma, quote or line break.
    private static func escaped(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
