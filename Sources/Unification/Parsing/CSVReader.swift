import Foundation

/// A streaming RFC 4180 reader of a UTF-8 CSV file with a header line, in constant memory.
///
/// - Accepts a UTF-8 byte-order mark, LF or CRLF line ends (a CR is kept inside quoted fields),
///   quoted fields with commas, doubled quotes and line breaks, and a last line without a line break.
/// - Skips empty lines (so a one-column file cannot hold an empty unquoted value).
/// - Line numbers are physical: the header is line 1 and a record spanning three lines advances
///   the count by three.
/// - A bad record is reported as a `RecordProblem` (line, column, reason; never the value) and
///   reading goes on. When a record has several problems, the first found is reported; the field
///   count is checked after quoting and length, UTF-8 last.
///
/// Recovery rule for broken quoting: when a quoted field is still open at the end of the file, or
/// has spanned a line break and grown past `maxFieldLength`, or when a record that spans several
/// physical lines has a stray quote, the record is reported at its starting line
/// (`unterminatedQuote` or `strayQuote`) and reading resumes at the physical line after the one
/// where it started. So one unbalanced quote costs one line, not the rest of the file, and the
/// re-read is bounded by `maxFieldLength` plus one line.
final class CSVReader {
    /// The header's column names.
    let header: [String]
    /// The file's last path component, for messages.
    var fileName: String { source.fileName }

    private let source: ByteChunkReader
    // Read and advanced once or more per record, by one thread, never in overlapping accesses:
    // no dynamic exclusivity check.
    @exclusivity(unchecked) private var window = ChunkWindow()
    @exclusivity(unchecked) private var scanner: CSVScanner

    /// Opens the CSV file at `url` and reads its header.
    convenience init(url: URL, options: CSVReaderOptions = CSVReaderOptions()) throws(UnificationError) {
        try self.init(source: ByteChunkReader(url: url, chunkSize: options.chunkSize), options: options)
    }

    /// Reads CSV from `bytes` as if they were a file named `name` (tests).
    convenience init(bytes: [UInt8], name: String = "memory.csv", options: CSVReaderOptions = CSVReaderOptions())
        throws(UnificationError)
    {
        try self.init(source: ByteChunkReader(bytes: bytes, name: name, chunkSize: options.chunkSize), options: options)
    }

    private init(source: ByteChunkReader, options: CSVReaderOptions) throws(UnificationError) {
        self.source = source
        var scanner = CSVScanner(maxFieldLength: options.maxFieldLength, storeLimit: options.maxColumns)
        var window = ChunkWindow()
        if try source.readNextChunk(&window) { window.position = ByteOrderMark.length(in: source.chunk(window)) }
        header = try Self.readHeader(source: source, window: &window, scanner: &scanner, maxColumns: options.maxColumns)
        scanner.storeLimit = header.count
        self.scanner = scanner
        self.window = window
    }

    /// The next record or rejected record; nil at the end of the file.
    func next() throws(UnificationError) -> CSVReadOutcome? {
        // One exclusive access to the scanner for the whole record (not one per property use).
        try Self.next(source: source, window: &window, scanner: &scanner, header: header)
    }

    private static func next(
        source: ByteChunkReader, window: inout ChunkWindow, scanner: inout CSVScanner, header: [String]
    ) throws(UnificationError) -> CSVReadOutcome? {
        func problem(_ reason: RejectReason, column: Int) -> RecordProblem {
            RecordProblem(line: scanner.startLine, field: column < header.count ? header[column] : nil, reason: reason)
        }
        while true {
            scanner.beginRecord()
            guard let ending = try scanRecord(source: source, window: &window, scanner: &scanner) else { return nil }
            if ending == .unterminatedQuote || scanner.runawayQuote {
                let found = problem(.unterminatedQuote, column: scanner.openQuoteColumn)
                try resumeAfterFirstLine(source: source, window: &window, scanner: &scanner)
                return .problem(found)
            }
            if scanner.isBlankLine { continue }
            if let found = scanner.problem {
                let reported = problem(found.reason, column: found.column)
                if case .strayQuote = found.reason {
                    try resumeAfterFirstLine(source: source, window: &window, scanner: &scanner)
                }
                return .problem(reported)
            }
            if scanner.fieldCount != header.count {
                let reason = RejectReason.wrongFieldCount(expected: header.count, actual: scanner.fieldCount)
                return .problem(RecordProblem(line: scanner.startLine, field: nil, reason: reason))
            }
            if let column = scanner.withFields(firstInvalidUTF8Field) {
                return .problem(problem(.invalidUTF8, column: column))
            }
            return .record(scanner.makeRecord())
        }
    }

    /// Gives up the current record if it spans lines: re-reads from the physical line after its first.
    private static func resumeAfterFirstLine(
        source: ByteChunkReader, window: inout ChunkWindow, scanner: inout CSVScanner
    ) throws(UnificationError) {
        guard let offset = scanner.firstLineEnd else { return }
        try source.seek(to: offset, &window)
        scanner.resumeAfterFirstLine()
    }

    /// Scans one record; nil when the file ended with no record pending, `.record` for a complete
    /// record (also one with problems), `.unterminatedQuote` when the file ended inside quotes.
    private static func scanRecord(
        source: ByteChunkReader, window: inout ChunkWindow, scanner: inout CSVScanner
    ) throws(UnificationError) -> CSVScanner.EndOfFile? {
        while true {
            if window.isExhausted {
                guard try source.readNextChunk(&window) else {
                    let ending = scanner.finishAtEndOfFile()
                    return ending == .nothingPending ? nil : ending
                }
            }
            if let end = scanner.scan(source.chunk(window), from: window.position, baseOffset: window.baseOffset) {
                window.position = end
                return .record
            }
            window.position = window.count
        }
    }

    private static func readHeader(
        source: ByteChunkReader, window: inout ChunkWindow, scanner: inout CSVScanner, maxColumns: Int
    ) throws(UnificationError) -> [String] {
        let file = source.fileName
        while true {
            scanner.beginRecord()
            guard let ending = try scanRecord(source: source, window: &window, scanner: &scanner) else {
                throw UnificationError(.missingHeader, fileName: file, "the file has no header line")
            }
            if ending == .unterminatedQuote || scanner.runawayQuote {
                throw UnificationError(.invalidHeader, fileName: file, "line 1: a quoted column name is not closed")
            }
            if scanner.isBlankLine { continue }
            let line = scanner.startLine
            if scanner.fieldCount > maxColumns {
                throw UnificationError(.invalidHeader, fileName: file, "line \(line): more than \(maxColumns) columns")
            }
            if let found = scanner.problem {
                let message = "line \(line), column \(found.column + 1): \(found.reason.message)"
                throw UnificationError(.invalidHeader, fileName: file, message)
            }
            if let column = scanner.withFields(firstInvalidUTF8Field) {
                throw UnificationError(
                    .invalidHeader, fileName: file, "line \(line), column \(column + 1): not valid UTF-8")
            }
            return scanner.makeRecord().fields
        }
    }

    /// The index of the first field that is not valid UTF-8, if any.
    private static func firstInvalidUTF8Field(bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) -> Int?
    {
        // Fast path: the concatenation is valid and no field starts with a continuation byte (a
        // sequence split between two fields would), so every field is valid.
        if UTF8Validation.isValid(bytes, from: 0, to: bytes.count) {
            var split = false
            for end in ends where end < bytes.count { split = split || bytes[end] & 0xC0 == 0x80 }
            if !split { return nil }
        }
        var start = 0
        for (column, end) in ends.enumerated() {
            if !UTF8Validation.isValid(bytes, from: start, to: end) { return column }
            start = end
        }
        return nil
    }
}
