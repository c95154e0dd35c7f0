import Foundation
import Policy
import Vault

extension Tresor {
    /// `tresor policy`: validate a policy; explain a decision.
    enum PolicyCommand: Command {
        static let configuration = CommandConfiguration(
            name: "policy", abstract: "Check a policy file or explain an access decision.",
            subcommands: [Check.self, Explain.self])

        struct Check: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "check",
                abstract: "Validate a policy file and its consent texts; list every problem with its JSON path.")
            static let arguments: [ArgumentSpec] = [
                .positional(
                    "file", help: "The policy file (default: the vault's, else Policies/default.json).", required: false
                ),
                .option("consent-texts", valueName: "dir", help: "The consent-text folder to validate too."),
            ]
            let file: String?
            let consentTexts: String?
            init(_ arguments: ParsedArguments) throws {
                file = arguments.optionalString("file")
                consentTexts = arguments.optionalString("consent-texts")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let vaultPolicy = PolicyFiles.policyURL(in: VaultSession.directory(context))
                let url: URL
                var textsURL = consentTexts.map { URL(fileURLWithPath: $0) }
                if let file {
                    url = URL(fileURLWithPath: file)
                } else if FileManager.default.fileExists(atPath: vaultPolicy.path) {
                    url = vaultPolicy
                    textsURL = textsURL ?? PolicyFiles.consentTextsURL(in: VaultSession.directory(context))
                } else {
                    let source = try PolicyFiles.sourceDirectory(explicit: nil)
                    url = source.appendingPathComponent("default.json")
                    textsURL = textsURL ?? source.appendingPathComponent("consent-texts")
                }
                let policy: AccessPolicy
                do {
                    policy = try AccessPolicy.load(contentsOf: url)
                } catch {
                    throw CLIError.dataError("\(error)")
                }
                var textCount = 0
                if let textsURL, FileManager.default.fileExists(atPath: textsURL.path) {
                    do {
                        textCount = try ConsentTextLibrary.load(
                            directory: textsURL, knownPurposes: Set(policy.consentPurposes)
                        ).texts.count
                    } catch {
                        throw CLIError.dataError("\(error)")
                    }
                }
                let summary = [
                    "file": url.path, "version": policy.version, "fields": String(policy.fields.count),
                    "purposes": String(policy.purposes.count), "actors": String(policy.actors.count),
                    "consentTexts": String(textCount),
                ]
                if context.globals.json {
                    try Output.json(summary, to: context)
                } else {
                    context.stdout.writeLine(
                        "OK: \(url.path) (version \(policy.version)): \(policy.fields.count) fields, \(policy.purposes.count) purposes, \(policy.actors.count) actors, \(textCount) consent texts"
                    )
                }
                return .success
            }
        }

        struct Explain: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "explain",
                abstract: "Explain why an actor would or would not get a field for a purpose.",
                discussion: """
                    With a subject (--subject, --email...), the subject's real state is used (restriction, objections, \
                    consent); without one, a subject with no restriction, no objection and the consent given by --consent.
                    """)
            static let arguments: [ArgumentSpec] =
                [
                    .option("actor", valueName: "actor", help: "The actor asking (role or module).", required: true),
                    .option("purpose", valueName: "purpose", help: "The purpose.", required: true),
                    .option("field", valueName: "field", help: "The field.", required: true),
                    .option(
                        "consent", valueName: "status", help: "Hypothetical consent status without a subject.",
                        default: "absent"),
                ] + SubjectSelector.arguments
            let actorName: String
            let purpose: String
            let field: String
            let consent: ConsentStatus
            let subject: SubjectSelector?
            init(_ arguments: ParsedArguments) throws {
                actorName = try arguments.string("actor")
                purpose = try arguments.string("purpose")
                field = try arguments.string("field")
                guard let consent = ConsentStatus(rawValue: try arguments.string("consent")) else {
                    throw UsageError(
                        .invalidValue(option: "--consent", expected: "granted, withdrawn, refused, expired or absent"))
                }
                self.consent = consent
                let given = ["subject", "email", "phone", "external-id"].contains {
                    arguments.optionalString($0) != nil
                }
                subject = given ? try SubjectSelector(arguments) : nil
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context)
                var state = SubjectState(consent: consent)
                if let subject {
                    let id = try subject.resolve(in: session, purpose: "dsr")
                    guard let info = try session.vault.subjectInfo(id) else {
                        throw CLIError.failure("no subject \(id)")
                    }
                    let consentPurpose = session.vault.policy.purpose(named: purpose)?.consentPurpose
                    state = SubjectState(
                        isRestricted: info.restricted, hasObjectedToDirectMarketing: info.objectedToMarketing,
                        hasObjectedToLegitimateInterest: info.objectedToProcessing,
                        consent: try consentPurpose.map { try session.vault.consentStatus(of: id, purpose: $0) }
                            ?? .absent)
                }
                let text = session.vault.policy.explain(actor: actorName, purpose: purpose, field: field, state: state)
                try session.vault.recordOperation(
                    as: session.actor, purpose: "audit", action: "policy-explain",
                    reason: "\(actorName) \(purpose) \(field)")
                if context.globals.json {
                    let decision = session.vault.policy.plan(actor: actorName, purpose: purpose, fields: [field])
                        .decide(for: state)
                    try Output.json(
                        [
                            "allowed": decision.isFullyAllowed ? "yes" : "no", "summary": decision.summary,
                            "explanation": text,
                        ], to: context)
                } else {
                    context.stdout.writeLine(text)
                }
                return .success
            }
        }
    }
}
