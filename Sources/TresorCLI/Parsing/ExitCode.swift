/// The process exit status of a `tresor` invocation (BSD `sysexits.h` values for usage and data errors).
public struct ExitCode: RawRepresentable, Hashable, Sendable {
    /// The numeric status handed to the operating system.
    public let rawValue: Int32

    /// Creates an exit code from its numeric status.
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The command did what was asked (0).
    public static let success = ExitCode(rawValue: 0)
    /// The command failed for a reason other than usage or input data (1).
    public static let failure = ExitCode(rawValue: 1)
    /// The command line was wrong: unknown option, missing value, failed validation (64, `EX_USAGE`).
    public static let usage = ExitCode(rawValue: 64)
    /// The input data was malformed: a bad CSV row, an invalid JSON document (65, `EX_DATAERR`).
    public static let dataError = ExitCode(rawValue: 65)
}

/// An error that decides the exit code it ends the process with (for example `.dataError` for bad input rows).
public protocol ExitCodeProviding: Error {
    /// The exit code `CommandLineTool` returns when this error escapes a command.
    var exitCode: ExitCode { get }
}
