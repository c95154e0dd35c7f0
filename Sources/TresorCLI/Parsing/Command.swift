/// A node of the `tresor` command tree: a group of subcommands (often a caseless `enum`) or a runnable command.
///
/// Arguments are declared as data, not property wrappers: `arguments` lists `ArgumentSpec`s (from which the
/// parser and the help are generated) and a runnable command reads typed values back by name in its `init`:
///
///     struct Grant: RunnableCommand {
///         static let configuration = CommandConfiguration(name: "grant", abstract: "Record a consent grant.")
///         static let arguments: [ArgumentSpec] = [
///             .option("email", help: "The person's email address.", required: true),
///             .option("field", help: "A field to record; repeatable.", repeatable: true),
///         ]
///         let email: String
///         let fields: [String]
///         init(_ arguments: ParsedArguments) throws {
///             email = try arguments.string("email")
///             fields = arguments.strings("field")
///         }
///         func run(_ context: CommandContext) throws -> ExitCode { .success }
///     }
///
/// A command that only groups others conforms to `Command`; calling it without a subcommand is a usage error.
/// (`SendableMetatype` lets configurations hold subcommand types in `static let` constants.)
public protocol Command: SendableMetatype {
    /// The name, help and subcommands of this command.
    static var configuration: CommandConfiguration { get }
    /// The options, flags and positional arguments this command accepts, in help order (global options excluded).
    static var arguments: [ArgumentSpec] { get }
}

extension Command {
    /// By default a command takes no arguments of its own.
    public static var arguments: [ArgumentSpec] { [] }
}

/// A command that does work: built from the parsed arguments, validated, then run.
public protocol RunnableCommand: Command {
    /// Reads typed values out of the parsed arguments (`try arguments.string("purpose")`).
    init(_ arguments: ParsedArguments) throws
    /// Checks values against each other before running; any error thrown here is a usage error (exit 64).
    mutating func validate() throws
    /// Does the work and returns the exit code; an error thrown here ends the process with 1, or its own code.
    func run(_ context: CommandContext) throws -> ExitCode
}

extension RunnableCommand {
    /// By default there is nothing to validate.
    public mutating func validate() throws {}
}
