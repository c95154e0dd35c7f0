/// The options every `tresor` command accepts, declared once: `--vault`, `--as`, `--json` and `--help`.
public struct GlobalOptions: Sendable, Equatable {
    /// The vault directory given with `--vault`, if any.
    public var vault: String?
    /// The role given with `--as`, if any.
    public var role: String?
    /// Whether `--json` asked for machine-readable output.
    public var json: Bool

    /// Creates global options.
    public init(vault: String? = nil, role: String? = nil, json: Bool = false) {
        self.vault = vault
        self.role = role
        self.json = json
    }

    /// The declarations, appended to every command's own arguments.
    public static let arguments: [ArgumentSpec] = [
        .option("vault", valueName: "dir", help: "The vault directory."),
        .option("as", valueName: "role", help: "The role to act as."),
        .flag("json", help: "Write machine-readable JSON."),
        .flag("help", short: "h", help: "Show help information."),
    ]

    /// Reads the global options out of parsed arguments.
    init(_ arguments: ParsedArguments) {
        self.init(
            vault: arguments.optionalString("vault"), role: arguments.optionalString("as"), json: arguments.flag("json")
        )
    }
}
