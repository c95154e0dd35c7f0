import Foundation
import SampleData
import Vault

extension Tresor {
    /// `tresor demo`: the compliance half of the journey on generated data, command by command.
    struct Demo: RunnableCommand {
        static let configuration = CommandConfiguration(
            name: "demo",
            abstract: "Run the whole journey on generated data: import, protect, prove, export, erase, verify.",
            discussion: """
                Generates a deterministic data set, creates a test-clock vault in DIR/vault, and runs the real commands \
                one after the other, printing each. Re-running in the same folder starts afresh. Counts and outcomes are \
                deterministic for a seed; subject ids and keys are random by design.
                """)
        static let arguments: [ArgumentSpec] = [
            .option("people", valueName: "n", help: "How many people to generate.", default: "2000"),
            .option("seed", valueName: "n", help: "The generator's seed.", default: "7"),
            .option(
                "out", valueName: "dir", help: "Where to put the data, the vault and the reports.",
                default: "demo-output"),
        ]
        let people: Int
        let seed: Int
        let out: String
        init(_ arguments: ParsedArguments) throws {
            people = try arguments.int("people")
            seed = try arguments.int("seed")
            out = try arguments.string("out")
        }

        mutating func validate() throws {
            guard (10...1_000_000).contains(people) else {
                throw UsageError(.invalidValue(option: "--people", expected: "10 to 1000000"))
            }
            guard seed >= 0 else {
                throw UsageError(.invalidValue(option: "--seed", expected: "a non-negative integer"))
            }
        }

        func run(_ context: CommandContext) throws -> ExitCode {
            try DemoScript(people: people, seed: UInt64(seed), root: URL(fileURLWithPath: out), context: context).run()
        }
    }
}
