import Testing
import TresorCLI

/// Words reach the right command with the right values.
@Suite struct ParserTests {
    @Test func nestedSubcommandsDispatchToTheirCommand() {
        let grant = ToyRun(["consent", "grant", "--email", "e", "--purpose", "p"])
        let revoke = ToyRun(["consent", "revoke", "someone", "--purpose", "p"])
        #expect(grant.status == 0)
        #expect(grant.stdout == "grant purpose=p source=web fields= dry-run=false json=false vault=- as=-\n")
        #expect(revoke.status == 0)
        #expect(revoke.stdout == "revoke email=someone purpose=p\n")
    }

    @Test func equalsSignAndSeparateValueAreTheSame() {
        let run = ToyRun(["consent", "grant", "--email=a=b", "--purpose=marketing.email", "--source", "shop"])
        #expect(run.stdout.hasPrefix("grant purpose=marketing.email source=shop "))
    }

    @Test func repeatableOptionCollectsValuesInOrder() {
        let run = ToyRun([
            "consent", "grant", "--field", "city", "--email", "e", "--field=zip", "--purpose", "p", "--field", "a=b",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.contains(" fields=city|zip|a=b "))
    }

    @Test func flagsAreSetOnlyWhenGiven() {
        #expect(
            ToyRun(["consent", "grant", "--email", "e", "--purpose", "p", "--dry-run"]).stdout.contains("dry-run=true"))
        #expect(ToyRun(["consent", "grant", "--email", "e", "--purpose", "p"]).stdout.contains("dry-run=false"))
    }

    @Test func doubleDashMakesTheRestPositional() {
        let run = ToyRun(["consent", "revoke", "--purpose", "p", "--", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout == "revoke email=--help purpose=p\n")
    }

    @Test func globalOptionsAreAcceptedAtAnyPosition() {
        let run = ToyRun([
            "--json", "consent", "--vault", "/v", "grant", "--email", "e", "--as=admin", "--purpose", "p",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("json=true vault=/v as=admin\n"))
    }

    @Test func repeatablePositionalCollectsTheRestAndNegativeNumbersAreValues() {
        let run = ToyRun(["count", "red", "--people", "2", "blue", "-", "--limit", "-1"])
        #expect(run.status == 65)  // 2 > -1: the values reached the command
        let plain = ToyRun(["count", "red", "--people", "2", "blue", "-"])
        #expect(plain.stdout == "count people=2 tags=red|blue|- validated=true\n")
    }
}
