/// A wrong command line; it names the argument at fault but never repeats a value the user typed.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible, ExitCodeProviding {
    /// What was wrong; option names are written with their dashes (`--purpose`), positionals as `<email>`.
    public enum Reason: Equatable, Sendable {
        /// An option that the command does not declare, when its name is safe to echo, with a close match.
        case unknownOption(String?, suggestion: String?)
        /// An option given last, or followed by another option, with no value.
        case missingValue(option: String)
        /// A flag written with `=value`.
        case unexpectedValue(flag: String)
        /// A non-repeatable option or flag given twice.
        case repeatedOption(String)
        /// A required option left out.
        case missingOption(String)
        /// A required positional argument left out.
        case missingPositional(String)
        /// A word no positional argument takes, by its 1-based position on the command line.
        case unexpectedArgument(position: Int)
        /// A subcommand name that does not exist, when safe to echo, with a close match.
        case unknownSubcommand(String?, suggestion: String?)
        /// A command group called without one of its subcommands.
        case missingSubcommand(available: [String])
        /// A value of the wrong type, such as text for an integer option.
        case invalidValue(option: String, expected: String)
        /// A failed check from `validate()`, in the command's own words.
        case invalid(String)
    }

    /// What was wrong.
    public var reason: Reason
    /// The words of the command the error belongs to (`["tresor", "consent", "grant"]`); filled in by the tool.
    public var commandPath: [String]

    /// Creates a usage error.
    public init(_ reason: Reason, commandPath: [String] = []) {
        self.reason = reason
        self.commandPath = commandPath
    }

    /// Creates a usage error for `validate()` from a message that must not contain personal data.
    public init(_ message: String) {
        self.init(.invalid(message))
    }

    /// The exit code of every usage error: 64.
    public var exitCode: ExitCode { .usage }

    /// The message printed after `error: `.
    public var description: String {
        let command = commandPath.isEmpty ? "" : " for '\(commandPath.joined(separator: " "))'"
        switch reason {
        case .unknownOption(let name, let suggestion):
            return "unknown option\(quoted(name))\(command)\(hint(suggestion))"
        case .missingValue(let option):
            return "option '\(option)' needs a value"
        case .unexpectedValue(let flag):
            return "flag '\(flag)' does not take a value"
        case .repeatedOption(let option):
            return "option '\(option)' given more than once"
        case .missingOption(let option):
            return "missing required option '\(option)'"
        case .missingPositional(let argument):
            return "missing required argument '\(argument)'"
        case .unexpectedArgument(let position):
            return "unexpected argument at position \(position)\(command)"
        case .unknownSubcommand(let name, let suggestion):
            return "unknown subcommand\(quoted(name))\(command)\(hint(suggestion))"
        case .missingSubcommand(let available):
            return "missing subcommand\(command) (one of: \(available.joined(separator: ", ")))"
        case .invalidValue(let option, let expected):
            return "invalid value for option '\(option)': expected \(expected)"
        case .invalid(let message):
            return message
        }
    }

    private func quoted(_ name: String?) -> String {
        name.map { " '\($0)'" } ?? ""
    }

    private func hint(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
