import Testing
import TresorCLI

/// `--help` prints deterministic generated help on stdout and exits 0.
@Suite struct HelpFormatterTests {
    @Test func helpOfANestedCommandMatchesTheGoldenText() {
        let run = ToyRun(["consent", "grant", "--help"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(
            run.stdout == """
                OVERVIEW: Record that a person granted consent for a purpose.

                Grants are append-only. A later revoke adds a new event; nothing is ever
                overwritten or deleted.

                USAGE: toy consent grant --email <email> --purpose <purpose> [--source <source>]
                                         [--field <name> ...] [--dry-run]
                                         [--recorded-by-operator <operator>]

                OPTIONS:
                  --email <email>       The person's email address.
                  --purpose <purpose>   The purpose, such as marketing.email.
                  --source <source>     Where the consent was given. (default: web)
                  --field <name>        A field to record with the grant; repeat for several.
                  --dry-run             Check the grant without recording it.
                  --recorded-by-operator <operator>
                                        The operator who took down the consent, when it was
                                        given in person rather than online.

                GLOBAL OPTIONS:
                  --vault <dir>         The vault directory.
                  --as <role>           The role to act as.
                  --json                Write machine-readable JSON.
                  -h, --help            Show help information.

                """)
    }

    @Test func helpOfAGroupListsSubcommands() {
        let run = ToyRun(["consent", "-h"])
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                OVERVIEW: Record and inspect consent.

                USAGE: toy consent <subcommand>

                SUBCOMMANDS:
                  grant                 Record that a person granted consent for a purpose.
                  revoke                Record that consent was withdrawn.

                GLOBAL OPTIONS:
                  --vault <dir>         The vault directory.
                  --as <role>           The role to act as.
                  --json                Write machine-readable JSON.
                  -h, --help            Show help information.

                See 'toy consent <subcommand> --help' for details on a subcommand.

                """)
    }

    @Test func positionalsAreListedUnderArguments() {
        let run = ToyRun(["count", "--help"])
        #expect(run.stdout.contains("USAGE: toy count --people <n> [--limit <n>] [<tags> ...]\n"))
        #expect(run.stdout.contains("ARGUMENTS:\n  <tags>                Tags to count under.\n\nOPTIONS:\n"))
    }

    @Test func helpWinsOverOtherErrorsAndShowsTheDeepestCommandReached() {
        let withError = ToyRun(["consent", "grant", "--frobnicate", "--help"])
        let beforeSubcommand = ToyRun(["consent", "--help", "revoke"])
        let misspelled = ToyRun(["consent", "grnat", "--help"])
        #expect(withError.status == 0)
        #expect(withError.stdout.hasPrefix("OVERVIEW: Record that a person granted consent for a purpose.\n"))
        #expect(withError.stderr.isEmpty)
        #expect(beforeSubcommand.stdout.hasPrefix("OVERVIEW: Record that consent was withdrawn.\n"))
        #expect(misspelled.stdout.hasPrefix("OVERVIEW: Record and inspect consent.\n"))
    }
}
