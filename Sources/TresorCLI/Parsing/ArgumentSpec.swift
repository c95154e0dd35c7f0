/// The declaration of one option, flag or positional argument; the parser and the help are generated from it.
public struct ArgumentSpec: Sendable, Equatable {
    /// What shape an argument has on the command line.
    public enum Kind: Sendable, Equatable {
        /// `--name <valueName>` or `--name=<valueName>`.
        case option(valueName: String)
        /// `--name`, with no value.
        case flag
        /// A bare word, matched by position.
        case positional
    }

    /// The long name without dashes (`purpose` for `--purpose`); the key for reading the value back.
    public var name: String
    /// The shape of the argument.
    public var kind: Kind
    /// An optional one-letter alias, written `-h`.
    public var shortName: Character?
    /// The help text shown next to the argument.
    public var help: String
    /// Whether the argument may be given more than once (all values are collected, in order).
    public var isRepeatable: Bool
    /// Whether leaving the argument out is a usage error.
    public var isRequired: Bool
    /// The value read when the argument is left out; shown in the help.
    public var defaultValue: String?

    /// Declares `--name <valueName>`; the value name defaults to the name.
    public static func option(
        _ name: String, valueName: String? = nil, help: String, required: Bool = false, repeatable: Bool = false,
        default defaultValue: String? = nil
    ) -> ArgumentSpec {
        ArgumentSpec(
            name: name, kind: .option(valueName: valueName ?? name), shortName: nil, help: help,
            isRepeatable: repeatable, isRequired: required, defaultValue: defaultValue)
    }

    /// Declares the value-less switch `--name`.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> ArgumentSpec {
        ArgumentSpec(
            name: name, kind: .flag, shortName: short, help: help, isRepeatable: false, isRequired: false,
            defaultValue: nil)
    }

    /// Declares a positional `<name>`; a repeatable one must come last and collects the remaining words.
    public static func positional(
        _ name: String, help: String, required: Bool = true, repeatable: Bool = false
    ) -> ArgumentSpec {
        ArgumentSpec(
            name: name, kind: .positional, shortName: nil, help: help, isRepeatable: repeatable,
            isRequired: required, defaultValue: nil)
    }

    /// How the argument is written in messages: `--purpose`, or `<email>` for a positional.
    var displayName: String {
        kind == .positional ? "<\(name)>" : "--\(name)"
    }
}
