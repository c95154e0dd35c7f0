import Testing
import TresorCLI

/// Validation order and the mapping of errors to exit codes.
@Suite struct CommandLineToolTests {
    @Test func validateRunsBeforeRun() {
        let run = ToyRun(["count", "--people", "2"])
        #expect(run.status == 3)
        #expect(run.stdout == "count people=2 tags= validated=true\n")
    }

    @Test func validationFailureIsAUsageErrorAndSkipsRun() {
        let run = ToyRun(["count", "--people", "-4"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "error: '--people' must not be negative\nsee 'toy count --help'\n")
    }

    @Test func dataErrorEndsWith65WithoutHelpHint() {
        let run = ToyRun(["count", "--people", "5", "--limit", "3"])
        #expect(run.status == 65)
        #expect(run.stderr == "error: row 2: too many people\n")
    }

    @Test func otherErrorsEndWith1() {
        let run = ToyRun(["count", "--people", "0"])
        #expect(run.status == 1)
        #expect(run.stderr == "error: nobody\n")
    }

    @Test func exitCodeConstants() {
        #expect([ExitCode.success, .failure, .usage, .dataError].map(\.rawValue) == [0, 1, 64, 65])
    }
}
