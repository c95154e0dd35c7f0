import TresorCLI

/// A small command tree shaped like `tresor`, used to exercise the parser end to end.
enum Toy: Command {
    static let configuration = CommandConfiguration(
        name: "toy", abstract: "A toy tool for parser tests.", subcommands: [Consent.self, Count.self])

    enum Consent: Command {
        static let configuration = CommandConfiguration(
            name: "consent", abstract: "Record and inspect consent.", subcommands: [Grant.self, Revoke.self])

        struct Grant: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "grant", abstract: "Record that a person granted consent for a purpose.",
                discussion:
                    "Grants are append-only. A later revoke adds a new event; nothing is ever overwritten or deleted.")
            static let arguments: [ArgumentSpec] = [
                .option("email", help: "The person's email address.", required: true),
                .option("purpose", help: "The purpose, such as marketing.email.", required: true),
                .option("source", help: "Where the consent was given.", default: "web"),
                .option(
                    "field", valueName: "name", help: "A field to record with the grant; repeat for several.",
                    repeatable: true),
                .flag("dry-run", help: "Check the grant without recording it."),
                .option(
                    "recorded-by-operator", valueName: "operator",
                    help: "The operator who took down the consent, when it was given in person rather than online."),
            ]

            let purpose: String
            let source: String
            let fields: [String]
            let dryRun: Bool

            init(_ arguments: ParsedArguments) throws {
                _ = try arguments.string("email")
                purpose = try arguments.string("purpose")
                source = try arguments.string("source")
                fields = arguments.strings("field")
                dryRun = arguments.flag("dry-run")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let globals = context.globals
                context.stdout.writeLine(
                    "grant purpose=\(purpose) source=\(source) fields=\(fields.joined(separator: "|")) dry-run=\(dryRun) "
                        + "json=\(globals.json) vault=\(globals.vault ?? "-") as=\(globals.role ?? "-")")
                return .success
            }
        }

        struct Revoke: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "revoke", abstract: "Record that consent was withdrawn.")
            static let arguments: [ArgumentSpec] = [
                .positional("email", help: "The person's email address."),
                .option("purpose", help: "The purpose withdrawn.", required: true),
            ]

            let email: String
            let purpose: String

            init(_ arguments: ParsedArguments) throws {
                email = try arguments.string("email")
                purpose = try arguments.string("purpose")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                context.stdout.writeLine("revoke email=\(email) purpose=\(purpose)")
                return .success
            }
        }
    }

    struct Count: RunnableCommand {
        static let configuration = CommandConfiguration(name: "count", abstract: "Count people.")
        static let arguments: [ArgumentSpec] = [
            .option("people", valueName: "n", help: "How many people.", required: true),
            .option("limit", valueName: "n", help: "The most people allowed."),
            .positional("tags", help: "Tags to count under.", required: false, repeatable: true),
        ]

        let people: Int
        let limit: Int?
        let tags: [String]
        var validated = false

        init(_ arguments: ParsedArguments) throws {
            people = try arguments.int("people")
            limit = try arguments.optionalInt("limit")
            tags = arguments.strings("tags")
        }

        mutating func validate() throws {
            if people < 0 { throw UsageError("'--people' must not be negative") }
            validated = true
        }

        func run(_ context: CommandContext) throws -> ExitCode {
            if let limit, people > limit { throw ToyDataError() }
            if people == 0 { throw ToyFailure.nobody }
            context.stdout.writeLine(
                "count people=\(people) tags=\(tags.joined(separator: "|")) validated=\(validated)")
            return ExitCode(rawValue: 3)
        }
    }
}

/// A bad-input error with its own exit code.
struct ToyDataError: ExitCodeProviding, CustomStringConvertible {
    var exitCode: ExitCode { .dataError }
    var description: String { "row 2: too many people" }
}

/// A plain failure without an exit code of its own.
enum ToyFailure: Error {
    case nobody
}

/// What one invocation of the toy tool printed and returned.
struct ToyRun {
    let status: Int32
    let stdout: String
    let stderr: String

    init(_ words: [String], environment: [String: String] = [:]) {
        let out = CapturingOutputSink()
        let err = CapturingOutputSink()
        status = CommandLineTool.main(
            root: Toy.self, arguments: words, environment: environment, stdout: out, stderr: err)
        stdout = out.text
        stderr = err.text
    }
}
