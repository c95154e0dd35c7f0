import Foundation

/// The entry point: parses the words, shows help or builds, validates and runs the command, and maps errors
/// to messages on standard error and to exit codes.
public enum CommandLineTool {
    /// Runs the tool with the real process arguments, environment and standard streams.
    public static func main(root: any Command.Type) -> Int32 {
        AllocatorTuning.apply()
        return main(
            root: root, arguments: Array(CommandLine.arguments.dropFirst()),
            environment: ProcessInfo.processInfo.environment, stdout: StandardStreamSink.standardOutput,
            stderr: StandardStreamSink.standardError)
    }

    /// Runs the tool on the given words (without the program name) and returns the exit status.
    ///
    /// Help goes to `stdout` with 0. A `UsageError`, or any error from `init` or `validate()`, prints
    /// `error: …` and `see '<command> --help'` and returns 64; an error from `run` returns its
    /// `ExitCodeProviding` code, else 1.
    public static func main(
        root: any Command.Type, arguments: [String], environment: [String: String], stdout: any OutputSink,
        stderr: any OutputSink
    ) -> Int32 {
        let path: [any Command.Type]
        let parsed: ParsedArguments
        do {
            switch try CommandParser(root: root).parse(arguments) {
            case .help(let helpPath):
                stdout.write(HelpFormatter.help(for: helpPath))
                return ExitCode.success.rawValue
            case .run(let runPath, let values):
                (path, parsed) = (runPath, values)
            }
        } catch {
            return report(error, stderr: stderr)
        }
        let names = path.map { $0.configuration.name }
        guard let type = path[path.count - 1] as? any RunnableCommand.Type else {
            preconditionFailure("the parser only runs runnable commands")
        }
        let command: any RunnableCommand
        do {
            command = try prepare(type, parsed)
        } catch var error as UsageError {
            if error.commandPath.isEmpty { error.commandPath = names }
            return report(error, stderr: stderr)
        } catch {
            return report(UsageError(.invalid(message(of: error)), commandPath: names), stderr: stderr)
        }
        let context = CommandContext(
            commandPath: names, globals: GlobalOptions(parsed), environment: environment, stdout: stdout,
            stderr: stderr)
        do {
            return try command.run(context).rawValue
        } catch var error as UsageError {
            if error.commandPath.isEmpty { error.commandPath = names }
            return report(error, stderr: stderr)
        } catch {
            return report(error, stderr: stderr)
        }
    }

    private static func prepare(_ type: any RunnableCommand.Type, _ arguments: ParsedArguments) throws
        -> any RunnableCommand
    {
        var command = try type.init(arguments)
        try command.validate()
        return command
    }

    /// Prints the error (and for usage errors where to find help) and returns its exit status.
    private static func report(_ error: any Error, stderr: any OutputSink) -> Int32 {
        stderr.writeLine("error: " + message(of: error))
        if let usage = error as? UsageError, !usage.commandPath.isEmpty {
            stderr.writeLine("see '\(usage.commandPath.joined(separator: " ")) --help'")
        }
        return ((error as? any ExitCodeProviding)?.exitCode ?? .failure).rawValue
    }

    private static func message(of error: any Error) -> String {
        if let localized = error as? any LocalizedError, let description = localized.errorDescription {
            return description
        }
        return String(describing: error)
    }
}
