import Foundation
import Testing

@testable import Unification

/// Shared helpers of the parsing tests.
enum ParsingFixtures {
    /// Every outcome of reading `text` (as UTF-8) as CSV.
    static func readCSV(_ text: String, options: CSVReaderOptions = CSVReaderOptions()) throws -> [CSVReadOutcome] {
        try readCSV(bytes: Array(text.utf8), options: options)
    }

    /// Every outcome of reading `bytes` as CSV.
    static func readCSV(bytes: [UInt8], options: CSVReaderOptions = CSVReaderOptions()) throws -> [CSVReadOutcome] {
        let reader = try CSVReader(bytes: bytes, name: "customers.csv", options: options)
        var outcomes: [CSVReadOutcome] = []
        while let outcome = try reader.next() { outcomes.append(outcome) }
        return outcomes
    }

    /// A comparable rendering of CSV outcomes: `line: field|field` or `line: !code(column)`.
    static func render(_ outcomes: [CSVReadOutcome]) -> [String] {
        outcomes.map { outcome in
            switch outcome {
            case .record(let record): "\(record.line): " + record.fields.joined(separator: "|")
            case .problem(let problem): "\(problem.line): !\(problem.reason.code)(\(problem.field ?? "-"))"
            }
        }
    }

    /// Every outcome of reading `bytes` as NDJSON lines.
    static func readLines(
        _ bytes: [UInt8], maxLineLength: Int = NDJSONLineReader.defaultMaxLineLength, chunkSize: Int = 1 << 20
    ) throws -> [NDJSONLineOutcome] {
        let reader = try NDJSONLineReader(bytes: bytes, maxLineLength: maxLineLength, chunkSize: chunkSize)
        var outcomes: [NDJSONLineOutcome] = []
        while let outcome = try reader.next() { outcomes.append(outcome) }
        return outcomes
    }

    /// A comparable rendering of NDJSON outcomes: `number: text` or `number: !code`.
    static func render(_ outcomes: [NDJSONLineOutcome]) -> [String] {
        outcomes.map { outcome in
            switch outcome {
            case .line(let line): "\(line.number): " + String(decoding: line.bytes, as: UTF8.self)
            case .problem(let problem): "\(problem.line): !\(problem.reason.code)"
            }
        }
    }

    /// The outcomes of one Segment line.
    static func parse(_ json: String, line: Int = 7) -> [SegmentParseOutcome] {
        Array(json.utf8).withUnsafeBufferPointer { SegmentMessageParser.parse($0, line: line) }
    }

    /// The single message of a Segment line; records an issue when it is not one.
    static func message(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> SegmentMessage? {
        let outcomes = parse(json)
        guard outcomes.count == 1, case .message(let message) = outcomes[0] else {
            Issue.record("expected one message, got \(outcomes)", sourceLocation: sourceLocation)
            return nil
        }
        return message
    }

    /// The single problem of a Segment line; records an issue when it is not one.
    static func problem(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> RecordProblem? {
        let outcomes = parse(json)
        guard outcomes.count == 1, case .problem(let problem) = outcomes[0] else {
            Issue.record("expected one problem, got \(outcomes)", sourceLocation: sourceLocation)
            return nil
        }
        return problem
    }
}

/// A temporary directory removed when the value is deinitialised.
final class ParsingTemporaryDirectory {
    /// The directory.
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("parsing-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `bytes` to a file named `name` in the directory.
    func write(_ bytes: [UInt8], to name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }
}
