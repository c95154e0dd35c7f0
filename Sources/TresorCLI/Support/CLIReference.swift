/// The CLI reference (`Docs/cli-reference.md`), generated from the same declarations as `--help`,
/// so the document and the tool cannot disagree (a test compares them).
public enum CLIReference {
    /// Markdown with the help text of every command, depth first.
    public static func markdown(root: any Command.Type = Tresor.self) -> String {
        var out = """
            # CLI reference

            Generated from `tresor --help` on every command (`TRESOR_UPDATE_GOLDEN=1 swift test --filter CLIReferenceTests`
            rewrites it; the test fails when this file and the tool disagree).

            """
        func visit(_ path: [any Command.Type]) {
            let name = path.map { $0.configuration.name }.joined(separator: " ")
            out += "\n## `\(name)`\n\n```text\n" + HelpFormatter.help(for: path) + "```\n"
            for sub in path[path.count - 1].configuration.subcommands { visit(path + [sub]) }
        }
        visit([root])
        return out
    }
}
