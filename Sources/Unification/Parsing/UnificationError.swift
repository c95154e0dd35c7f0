/// The error of the `Unification` module: a file that cannot be used at all (as opposed to a single
/// rejected record, which is a `RecordProblem`). Messages name files, lines, columns and JSON keys,
/// never a personal value.
public struct UnificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Hashable {
        /// A file could not be opened or read.
        case cannotRead
        /// A file could not be written.
        case cannotWrite
        /// A CSV file has no header line.
        case missingHeader
        /// A CSV header line is malformed (quotes, encoding, too many columns).
        case invalidHeader
        /// A column mapping file is not valid JSON of the expected shape, or names an unknown field.
        case invalidMappingFile
        /// Two columns of a CSV file map to the same canonical field.
        case conflictingColumns
    }

    /// The kind of failure.
    public let code: Code
    /// The name of the file concerned (its last path component), when there is one.
    public let fileName: String?
    /// A human-readable message without personal values.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, fileName: String?, _ message: String) {
        self.code = code
        self.fileName = fileName
        self.message = message
    }

    /// `file: message`, or the message alone.
    public var description: String {
        guard let fileName else { return message }
        return "\(fileName): \(message)"
    }
}
