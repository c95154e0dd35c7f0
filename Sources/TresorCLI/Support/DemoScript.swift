import Foundation
import SampleData
import Vault

/// The demo's script: each step is a real `tresor` command run in-process and printed as typed.
struct DemoScript {
    let people: Int
    let seed: UInt64
    let root: URL
    let context: CommandContext

    /// The demo's fixed clock: the data set's reference time, so dates and deadlines are stable.
    static let now = "2026-11-01T09:00:00Z"

    var vault: String { root.appendingPathComponent("vault").path }
    var data: URL { root.appendingPathComponent("data") }
    var reports: URL { root.appendingPathComponent("reports") }

    func run() throws -> ExitCode {
        let fm = FileManager.default
        for folder in ["vault", "data", "reports"] { try? fm.removeItem(at: root.appendingPathComponent(folder)) }
        try fm.createDirectory(at: reports, withIntermediateDirectories: true)
        let started = ContinuousClock.now
        say("Tresor demo — \(people) generated people, seed \(seed), clock fixed at \(Self.now)")

        section("1. Generate a data set (customers from several sources, Segment events, consents)")
        var options = SampleDataOptions(people: people, seed: seed, dirt: .realistic)
        options.eventsPerPerson = 1.0
        let summary = try SampleDataGenerator.write(options: options, to: data)
        say(
            "   \(summary.customers) customer rows, \(summary.events) events, \(summary.consents) consent records in \(data.path)"
        )

        section("2. Create the vault (test clock, so the demo's dates are stable)")
        try tresor(["init", "--test-clock", "--default-role", "compliance"])

        section("3. Import: customers are normalised, resolved into one profile per person, encrypted per field")
        try tresor(["import", "customers", summary.files.customers.path, "--as", "admin"], allowRejects: true)
        try tresor(["import", "events", summary.files.events.path, "--as", "admin"], allowRejects: true)
        try tresor(["import", "consents", summary.files.consents.path, "--as", "admin"], allowRejects: true)

        let person = try demoPerson(summary)
        section("4. A compliance officer reads one profile through the accessors (audited)")
        try tresor(["profile", "show", "--external-id", person.externalID, "--as", "compliance", "--purpose", "dsr"])

        section("5. The person withdraws e-mail marketing consent (one command); a marketer is refused at once")
        let profile = try capture([
            "profile", "show", "--external-id", person.externalID, "--field", "country", "--json",
        ])
        guard let object = try? JSONSerialization.jsonObject(with: Data(profile.utf8)) as? [String: Any],
            let subject = object["subject"] as? String
        else { throw CLIError.failure("the demo could not read the subject id") }
        try tresor(
            [
                "consent", "withdraw", "--external-id", person.externalID, "--purpose", "marketing.email", "--text",
                person.textVersion,
                "--source", "web_form",
            ])
        try tresor([
            "profile", "show", "--subject", subject, "--as", "marketer", "--purpose", "marketing.email", "--field",
            "first_name",
        ])
        try tresor(
            [
                "policy", "explain", "--actor", "marketer", "--purpose", "marketing.email", "--field", "first_name",
                "--subject", subject,
            ])

        section("6. The person asks for their data: open, verify identity, export JSON + HTML in their language")
        let access = try capture([
            "request", "open", "--kind", "access", "--channel", "email", "--external-id", person.externalID, "--json",
        ])
        let accessID = try requestID(access)
        try tresor(["request", "verify", accessID, "--method", "reply from the e-mail address on file"])
        try tresor(["request", "export", accessID, "--out", reports.path])

        section("7. Another person asks to be erased: crypto-shredding, legal holds, destruction record")
        let erasure = try capture([
            "request", "open", "--kind", "erasure", "--channel", "web", "--external-id", person.erasureExternalID,
            "--json",
        ])
        let erasureID = try requestID(erasure)
        try tresor(["request", "verify", erasureID, "--method", "logged-in account"])
        try tresor(["request", "erase", erasureID, "--suppress", "--record-out", reports.path])

        section("8. The auditor verifies the log and keeps a signed checkpoint")
        try tresor(["audit", "verify", "--as", "auditor"])
        try tresor([
            "audit", "checkpoint", "--out", reports.appendingPathComponent("audit-checkpoint.json").path, "--as",
            "auditor",
        ])
        try tresor([
            "audit", "report", "--html", reports.appendingPathComponent("audit-report.html").path, "--as", "auditor",
        ])

        section("Summary")
        let seconds = (ContinuousClock.now - started).components.seconds
        try tresor(["request", "list"])
        let files = (try? fm.contentsOfDirectory(atPath: reports.path))?.sorted() ?? []
        say("Files written in \(reports.path):")
        for file in files { say("   \(reports.appendingPathComponent(file).path)") }
        say("The vault is in \(vault); the generated data in \(data.path). Demo took \(seconds) s.")
        return .success
    }

    // MARK: Steps

    struct DemoPerson {
        let externalID: String
        let textVersion: String
        let erasureExternalID: String
    }

    /// Two people of the data set with an external id: one Russian (for the export), one more for the erasure.
    func demoPerson(_ summary: SampleDataSummary) throws -> DemoPerson {
        let persons = SampleDataGenerator.people(
            options: SampleDataOptions(people: people, seed: seed, dirt: .realistic))
        let withID = persons.filter { $0.externalId != nil }
        guard let first = withID.first(where: { $0.country == "RU" }) ?? withID.first,
            let second = withID.first(where: { $0.externalId != first.externalId && $0.country != "RU" })
                ?? withID.dropFirst().first
        else { throw CLIError.failure("the generated data set has too few customers with an external id") }
        return DemoPerson(
            externalID: first.externalId!, textVersion: first.consentTextVersion, erasureExternalID: second.externalId!)
    }

    func tresor(_ arguments: [String], allowRejects: Bool = false) throws {
        say("\n$ tresor " + arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "))
        let code = CommandLineTool.main(
            root: Tresor.self, arguments: arguments + ["--vault", vault], environment: environment,
            stdout: context.stdout, stderr: context.stderr)
        if code != 0 && !(allowRejects && code == ExitCode.dataError.rawValue) {
            throw CLIError.failure("the demo step `tresor \(arguments.first ?? "")` failed with exit code \(code)")
        }
    }

    func capture(_ arguments: [String]) throws -> String {
        say("\n$ tresor " + arguments.joined(separator: " "))
        let sink = CapturingOutputSink()
        let code = CommandLineTool.main(
            root: Tresor.self, arguments: arguments + ["--vault", vault], environment: environment, stdout: sink,
            stderr: context.stderr)
        context.stdout.write(sink.text)
        guard code == 0 else {
            throw CLIError.failure("the demo step `tresor \(arguments.first ?? "")` failed with exit code \(code)")
        }
        return sink.text
    }

    func requestID(_ json: String) throws -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let id = object["id"] as? String
        else {
            throw CLIError.failure("the demo could not read the request id")
        }
        return id
    }

    var environment: [String: String] {
        var environment = context.environment
        environment["TRESOR_NOW"] = Self.now
        environment["TRESOR_NO_PROGRESS"] = "1"
        return environment
    }

    func section(_ title: String) { say("\n== \(title)") }
    func say(_ text: String) { context.stdout.writeLine(text) }
}
