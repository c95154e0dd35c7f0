/// What a running command may use besides its own arguments: global options, environment and output.
public struct CommandContext: Sendable {
    /// The words that led to the command, such as `["tresor", "consent", "grant"]`.
    public var commandPath: [String]
    /// The global options given on the command line.
    public var globals: GlobalOptions
    /// The process environment (injected so tests control it).
    public var environment: [String: String]
    /// Where normal output goes.
    public var stdout: any OutputSink
    /// Where diagnostics go.
    public var stderr: any OutputSink

    /// Creates a context.
    public init(
        commandPath: [String], globals: GlobalOptions, environment: [String: String], stdout: any OutputSink,
        stderr: any OutputSink
    ) {
        self.commandPath = commandPath
        self.globals = globals
        self.environment = environment
        self.stdout = stdout
        self.stderr = stderr
    }
}
