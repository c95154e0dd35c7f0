public import Vault

/// An error of the command line with its exit code. Messages never contain personal values.
public struct CLIError: Error, CustomStringConvertible, ExitCodeProviding {
    /// The message printed after `error: `.
    public let description: String
    /// The process exit code.
    public let exitCode: ExitCode

    /// A failure (exit 1).
    public static func failure(_ message: String) -> CLIError { CLIError(description: message, exitCode: .failure) }
    /// Bad input data (exit 65).
    public static func dataError(_ message: String) -> CLIError { CLIError(description: message, exitCode: .dataError) }
    /// A usage problem found while running (exit 64).
    public static func usage(_ message: String) -> CLIError { CLIError(description: message, exitCode: .usage) }
}

extension VaultError: ExitCodeProviding {
    /// Bad input data is 65; everything else 1.
    public var exitCode: ExitCode {
        switch code {
        case .invalidValue, .unknownField: .dataError
        case .invalidArgument, .testClockRefused: .usage
        default: .failure
        }
    }
}
