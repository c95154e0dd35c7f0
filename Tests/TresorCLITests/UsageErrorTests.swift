import Testing
import TresorCLI

/// Wrong command lines end with 64 and a message that names the argument but never the value typed.
@Suite struct UsageErrorTests {
    private let grant = ["consent", "grant", "--email", "alice@example.com", "--purpose", "p"]

    @Test func unknownOptionIsNamedWithTheCommandAndHelpHint() {
        let run = ToyRun(grant + ["--frobnicate"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr
                == "error: unknown option '--frobnicate' for 'toy consent grant'\nsee 'toy consent grant --help'\n")
    }

    @Test func unknownOptionGetsASuggestionWhenClose() {
        let run = ToyRun(["consent", "grant", "--email", "e", "--purpos", "p"])
        #expect(
            run.stderr.hasPrefix(
                "error: unknown option '--purpos' for 'toy consent grant'; did you mean '--purpose'?\n"))
        #expect(ToyRun(grant + ["--jsno"]).stderr.contains("did you mean '--json'?"))
    }

    @Test func unknownOptionThatLooksLikeDataIsNotEchoed() {
        let run = ToyRun(["consent", "grant", "--Alice.Smith@example.com=1"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("error: unknown option for 'toy consent grant'\n"))
    }

    @Test func optionWithoutValueIsNamed() {
        let atEnd = ToyRun(["consent", "grant", "--email", "e", "--purpose"])
        let beforeOption = ToyRun(["consent", "grant", "--purpose", "--email", "e"])
        #expect(atEnd.status == 64)
        #expect(atEnd.stderr.hasPrefix("error: option '--purpose' needs a value\n"))
        #expect(beforeOption.stderr.hasPrefix("error: option '--purpose' needs a value\n"))
    }

    @Test func repeatedOptionIsNamedWithoutItsValues() {
        let run = ToyRun(grant + ["--email", "bob@example.com"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("error: option '--email' given more than once\n"))
        #expect(!run.stderr.contains("example.com"))
        #expect(ToyRun(grant + ["--json", "--json"]).stderr.hasPrefix("error: option '--json' given more than once\n"))
    }

    @Test func flagWithValueIsRejected() {
        let run = ToyRun(grant + ["--dry-run=yes"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("error: flag '--dry-run' does not take a value\n"))
    }

    @Test func missingRequiredOptionIsNamed() {
        let run = ToyRun(["consent", "grant", "--email", "e"])
        #expect(run.status == 64)
        #expect(run.stderr == "error: missing required option '--purpose'\nsee 'toy consent grant --help'\n")
    }

    @Test func missingAndUnexpectedPositionals() {
        let missing = ToyRun(["consent", "revoke", "--purpose", "p"])
        let extra = ToyRun(["consent", "revoke", "alice@example.com", "bob@example.com", "--purpose", "p"])
        #expect(missing.stderr.hasPrefix("error: missing required argument '<email>'\n"))
        #expect(extra.status == 64)
        #expect(extra.stderr.hasPrefix("error: unexpected argument at position 4 for 'toy consent revoke'\n"))
        #expect(!extra.stderr.contains("example.com"))
    }

    @Test func unknownSubcommandGetsASuggestion() {
        let run = ToyRun(["consent", "grnat", "--email", "e"])
        #expect(run.status == 64)
        #expect(
            run.stderr
                == "error: unknown subcommand 'grnat' for 'toy consent'; did you mean 'grant'?\nsee 'toy consent --help'\n"
        )
        #expect(!ToyRun(["consent", "alice@example.com"]).stderr.contains("alice"))
    }

    @Test func groupWithoutSubcommandIsAUsageError() {
        let run = ToyRun(["consent"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr
                == "error: missing subcommand for 'toy consent' (one of: grant, revoke)\nsee 'toy consent --help'\n")
    }

    @Test func invalidIntegerNamesTheOptionNotTheValue() {
        let run = ToyRun(["count", "--people", "many"])
        #expect(run.status == 64)
        #expect(
            run.stderr == "error: invalid value for option '--people': expected an integer\nsee 'toy count --help'\n")
        #expect(ToyRun(["count", "--people", "1", "--limit", "2.5"]).stderr.contains("'--limit'"))
    }

    @Test func optionsOfTheLeafAreUnknownBeforeItIsReached() {
        let run = ToyRun(["consent", "--purpose", "p", "grant", "--email", "e"])
        #expect(run.stderr.hasPrefix("error: unknown option '--purpose' for 'toy consent'\n"))
    }
}
