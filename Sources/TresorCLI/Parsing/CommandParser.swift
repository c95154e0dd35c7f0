/// Turns the command-line words into the command path and the values of its arguments.
///
/// Rules: global options are accepted at any position; `--name=value` and `--name value` are equal, but a
/// separate value may not start with `--` (write `--name=--value`); words after `--` are positional; a word
/// that names a subcommand selects it as long as no positional argument was taken; `--help`/`-h` anywhere
/// before `--` wins over every other error and shows the help of the deepest command reached.
struct CommandParser {
    /// What the words asked for.
    enum Outcome {
        /// Show the help of the last command of the path.
        case help(path: [any Command.Type])
        /// Build and run the last command of the path with these values.
        case run(path: [any Command.Type], arguments: ParsedArguments)
    }

    /// The root of the command tree (`tresor`).
    let root: any Command.Type

    /// Parses the words (without the program name); throws a `UsageError` carrying the command path.
    func parse(_ words: [String]) throws -> Outcome {
        let wantsHelp = words.prefix { $0 != "--" }.contains { $0 == "--help" || $0 == "-h" }
        var state = State(root: root)
        do {
            try state.consume(words)
            if wantsHelp { return .help(path: state.path) }
            try state.checkComplete()
            return .run(path: state.path, arguments: state.arguments)
        } catch var error as UsageError {
            if wantsHelp { return .help(path: state.path) }
            error.commandPath = state.path.map { $0.configuration.name }
            throw error
        }
    }
}

/// The command reached so far and the values collected for it.
private struct State {
    var path: [any Command.Type]
    var arguments: ParsedArguments
    var positionalCount = 0

    init(root: any Command.Type) {
        path = [root]
        arguments = ParsedArguments(specs: root.arguments + GlobalOptions.arguments)
    }

    var current: any Command.Type { path[path.count - 1] }

    mutating func consume(_ words: [String]) throws {
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if !optionsEnded && word == "--" {
                optionsEnded = true
            } else if !optionsEnded && Self.looksLikeOption(word) {
                try consumeOption(word, next: index < words.count ? words[index] : nil, advance: &index)
            } else if !optionsEnded, positionalCount == 0, !current.configuration.subcommands.isEmpty {
                try descend(into: word, position: index)
            } else {
                try consumePositional(word, position: index)
            }
        }
    }

    /// Reports a runnable command reached and every required argument given.
    func checkComplete() throws {
        guard current is any RunnableCommand.Type else {
            throw UsageError(
                .missingSubcommand(available: current.configuration.subcommands.map { $0.configuration.name }))
        }
        for spec in current.arguments where spec.isRequired && arguments.values[spec.name] == nil {
            throw UsageError(
                spec.kind == .positional ? .missingPositional(spec.displayName) : .missingOption(spec.displayName))
        }
    }

    private mutating func consumeOption(_ word: String, next: String?, advance index: inout Int) throws {
        let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        let inlineValue = parts.count == 2 ? String(parts[1]) : nil
        let specs = current.arguments + GlobalOptions.arguments
        let spec = specs.first { spec in
            spec.kind != .positional && (name == "--\(spec.name)" || spec.shortName.map { name == "-\($0)" } == true)
        }
        guard let spec else {
            let candidates = specs.filter { $0.kind != .positional }.map(\.displayName)
            let suggestion = Spelling.suggestion(for: name, among: candidates)
            throw UsageError(.unknownOption(Spelling.isEchoable(name) ? name : nil, suggestion: suggestion))
        }
        if spec.kind == .flag {
            guard inlineValue == nil else { throw UsageError(.unexpectedValue(flag: spec.displayName)) }
            try record("", for: spec)
        } else if let inlineValue {
            try record(inlineValue, for: spec)
        } else if let next, !next.hasPrefix("--") {
            index += 1
            try record(next, for: spec)
        } else {
            throw UsageError(.missingValue(option: spec.displayName))
        }
    }

    private mutating func descend(into word: String, position: Int) throws {
        let subcommands = current.configuration.subcommands
        if let subcommand = subcommands.first(where: { $0.configuration.name == word }) {
            path.append(subcommand)
            var arguments = ParsedArguments(specs: subcommand.arguments + GlobalOptions.arguments)
            arguments.values = self.arguments.values
            self.arguments = arguments
        } else if current.arguments.contains(where: { $0.kind == .positional }) {
            try consumePositional(word, position: position)
        } else {
            let suggestion = Spelling.suggestion(for: word, among: subcommands.map { $0.configuration.name })
            throw UsageError(.unknownSubcommand(Spelling.isEchoable(word) ? word : nil, suggestion: suggestion))
        }
    }

    private mutating func consumePositional(_ word: String, position: Int) throws {
        let positionals = current.arguments.filter { $0.kind == .positional }
        let spec: ArgumentSpec
        if positionalCount < positionals.count {
            spec = positionals[positionalCount]
        } else if let last = positionals.last, last.isRepeatable {
            spec = last
        } else {
            throw UsageError(.unexpectedArgument(position: position))
        }
        positionalCount += 1
        try record(word, for: spec)
    }

    private mutating func record(_ value: String, for spec: ArgumentSpec) throws {
        if !spec.isRepeatable && arguments.values[spec.name] != nil {
            throw UsageError(.repeatedOption(spec.displayName))
        }
        arguments.values[spec.name, default: []].append(value)
    }

    /// `-x`, `--name` or `--name=value`, but not `-` alone nor a negative number.
    private static func looksLikeOption(_ word: String) -> Bool {
        word.hasPrefix("-") && word.count > 1 && Double(word) == nil
    }
}
