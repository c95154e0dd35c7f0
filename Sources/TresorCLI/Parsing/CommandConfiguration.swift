/// The name, help texts and subcommands of one node of the command tree.
public struct CommandConfiguration: Sendable {
    /// The word typed on the command line to reach this command, such as `grant`.
    public var name: String
    /// A one-line summary shown in the parent's subcommand list and at the top of the help.
    public var abstract: String
    /// Optional longer text shown under the abstract in the help.
    public var discussion: String?
    /// The commands reachable below this one, in help order.
    public var subcommands: [any Command.Type]

    /// Creates a configuration.
    public init(name: String, abstract: String, discussion: String? = nil, subcommands: [any Command.Type] = []) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.subcommands = subcommands
    }
}
