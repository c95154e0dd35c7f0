/// Why sample data could not be generated; messages name options and files, never generated personal values.
public enum SampleDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An option is out of range.
    case invalidOption(name: String, reason: String)
    /// The output directory could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// An output file could not be created or written.
    case cannotWrite(file: String, reason: String)

    /// A one-line explanation naming the option or file.
    public var description: String {
        switch self {
        case .invalidOption(let name, let reason): "sample data option '\(name)' \(reason)"
        case .cannotCreateDirectory(let path, let reason): "cannot create directory \(path): \(reason)"
        case .cannotWrite(let file, let reason): "cannot write \(file): \(reason)"
        }
    }
}
