/// The values given for a command's declared arguments (its own and the global ones), read back by name.
///
/// Reading a name that was never declared is a programming error and stops the process.
public struct ParsedArguments: Sendable, Equatable {
    /// The declarations, by name.
    let specs: [String: ArgumentSpec]
    /// The raw values given, by name, in command-line order; a flag gets one empty string per occurrence.
    var values: [String: [String]] = [:]

    /// Creates an empty set of values for the given declarations.
    init(specs: [ArgumentSpec]) {
        self.specs = Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether the flag was given.
    public func flag(_ name: String) -> Bool {
        !given(name).isEmpty
    }

    /// The value of an option or positional, else its default; a usage error when neither exists.
    public func string(_ name: String) throws -> String {
        guard let value = optionalString(name) else {
            let spec = spec(name)
            throw UsageError(
                spec.kind == .positional ? .missingPositional(spec.displayName) : .missingOption(spec.displayName))
        }
        return value
    }

    /// The value of an option or positional, else its default, else `nil`.
    public func optionalString(_ name: String) -> String? {
        given(name).last ?? spec(name).defaultValue
    }

    /// Every value of a repeatable option or positional, in command-line order, else the default if any.
    public func strings(_ name: String) -> [String] {
        let values = given(name)
        return values.isEmpty ? spec(name).defaultValue.map { [$0] } ?? [] : values
    }

    /// The value as a whole number; a usage error naming the option when it is missing or not an integer.
    public func int(_ name: String) throws -> Int {
        try integer(try string(name), name)
    }

    /// The value as a whole number, or `nil` when absent; a usage error naming the option when not an integer.
    public func optionalInt(_ name: String) throws -> Int? {
        try optionalString(name).map { try integer($0, name) }
    }

    private func integer(_ text: String, _ name: String) throws -> Int {
        guard let number = Int(text) else {
            throw UsageError(.invalidValue(option: spec(name).displayName, expected: "an integer"))
        }
        return number
    }

    private func given(_ name: String) -> [String] {
        _ = spec(name)
        return values[name] ?? []
    }

    private func spec(_ name: String) -> ArgumentSpec {
        guard let spec = specs[name] else { preconditionFailure("argument '\(name)' is not declared") }
        return spec
    }
}
