/// Generates the `--help` text of a command from its configuration and argument declarations.
///
/// The text is deterministic and wrapped at 80 columns; descriptions start at column 25.
enum HelpFormatter {
    static let width = 80
    static let column = 24

    /// The full help of the last command of the path.
    static func help(for path: [any Command.Type]) -> String {
        let command = path[path.count - 1]
        let configuration = command.configuration
        let commandName = path.map { $0.configuration.name }.joined(separator: " ")
        let subcommands = configuration.subcommands
        var sections = [wrap("OVERVIEW: " + configuration.abstract, indent: 0).joined(separator: "\n")]
        if let discussion = configuration.discussion {
            let lines = discussion.split(separator: "\n", omittingEmptySubsequences: false)
            sections.append(lines.flatMap { wrap(String($0), indent: 0) }.joined(separator: "\n"))
        }
        sections.append(usage(commandName, command.arguments, hasSubcommands: !subcommands.isEmpty))
        let positionals = command.arguments.filter { $0.kind == .positional }
        let options = command.arguments.filter { $0.kind != .positional }
        sections.append(section("ARGUMENTS", positionals.map { (label($0), describe($0)) }))
        sections.append(section("OPTIONS", options.map { (label($0), describe($0)) }))
        sections.append(section("SUBCOMMANDS", subcommands.map { ($0.configuration.name, $0.configuration.abstract) }))
        sections.append(section("GLOBAL OPTIONS", GlobalOptions.arguments.map { (label($0), describe($0)) }))
        if !subcommands.isEmpty {
            sections.append("See '\(commandName) <subcommand> --help' for details on a subcommand.")
        }
        return sections.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    /// `USAGE: tresor consent grant --purpose <purpose> [--json] <email>`, wrapped between items.
    private static func usage(_ commandName: String, _ arguments: [ArgumentSpec], hasSubcommands: Bool) -> String {
        let ordered = arguments.filter { $0.kind != .positional } + arguments.filter { $0.kind == .positional }
        var items = ordered.map { spec in
            var item = spec.kind == .positional ? spec.displayName : label(spec, short: false)
            if spec.isRepeatable { item += " ..." }
            return spec.isRequired ? item : "[\(item)]"
        }
        if hasSubcommands { items.append("<subcommand>") }
        let head = "USAGE: \(commandName)"
        var lines = [head]
        for item in items {
            if lines[lines.count - 1].count + 1 + item.count > width && lines[lines.count - 1].count > head.count {
                lines.append(String(repeating: " ", count: head.count))
            }
            lines[lines.count - 1] += " " + item
        }
        return lines.joined(separator: "\n")
    }

    /// A titled two-column list, or nothing when there are no rows.
    private static func section(_ title: String, _ rows: [(String, String)]) -> String {
        guard !rows.isEmpty else { return "" }
        let lines = rows.flatMap { name, text -> [String] in
            let label = "  " + name
            let body = wrap(text, indent: column)
            if label.count + 2 > column {
                return [label] + body.map { String(repeating: " ", count: column) + $0 }
            }
            let first = label.padding(toLength: column) + (body.first ?? "")
            return [first] + body.dropFirst().map { String(repeating: " ", count: column) + $0 }
        }
        return ([title + ":"] + lines).map { $0.trailingSpacesRemoved }.joined(separator: "\n")
    }

    /// `--purpose <purpose>`, `-h, --help` or `<email>`.
    private static func label(_ spec: ArgumentSpec, short: Bool = true) -> String {
        switch spec.kind {
        case .positional:
            return spec.displayName
        case .flag:
            return (short ? spec.shortName.map { "-\($0), " } ?? "" : "") + spec.displayName
        case .option(let valueName):
            return "\(spec.displayName) <\(valueName)>"
        }
    }

    private static func describe(_ spec: ArgumentSpec) -> String {
        spec.help + (spec.defaultValue.map { " (default: \($0))" } ?? "")
    }

    /// Greedy word wrap of one paragraph to the lines that fit after `indent` columns.
    private static func wrap(_ text: String, indent: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && indent + line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return lines + [line]
    }
}

extension String {
    fileprivate func padding(toLength length: Int) -> String {
        self + String(repeating: " ", count: max(0, length - count))
    }

    fileprivate var trailingSpacesRemoved: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
