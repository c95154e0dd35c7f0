import Foundation
import Policy
import Vault

extension Tresor {
    /// `tresor consent`: the consent ledger.
    enum Consent: Command {
        static let configuration = CommandConfiguration(
            name: "consent", abstract: "Grant, withdraw and show consents; export proof of consent.",
            subcommands: [Grant.self, Withdraw.self, Refuse.self, TCF.self, Show.self, History.self, Proof.self])

        /// The options shared by grant, withdraw and refuse.
        static let recordArguments: [ArgumentSpec] =
            SubjectSelector.arguments + [
                .option(
                    "purpose", valueName: "purpose", help: "A consent purpose (repeatable).", required: true,
                    repeatable: true),
                .option(
                    "text", valueName: "version", help: "The consent text version shown (Policies/consent-texts).",
                    required: true),
                .option(
                    "source", valueName: "source", help: "web_form, import, api, pos, cmp, app or paper.",
                    default: "api"),
                .option("at", valueName: "time", help: "When it was collected (ISO 8601; default now)."),
                .option("expires", valueName: "time", help: "When it lapses (ISO 8601)."),
                .option(
                    "evidence", valueName: "ref", help: "Non-personal evidence: form id, CMP record id.", default: ""),
                .flag("guardian", help: "Given by a parent or guardian."),
            ]

        struct RecordOptions {
            let subject: SubjectSelector
            let purposes: [String]
            let text: String
            let source: ConsentSource
            let at: Int64?
            let expires: Int64?
            let evidence: String
            let guardian: Bool

            init(_ arguments: ParsedArguments) throws {
                subject = try SubjectSelector(arguments)
                purposes = arguments.strings("purpose")
                text = try arguments.string("text")
                guard let source = ConsentSource(rawValue: try arguments.string("source")) else {
                    throw UsageError(
                        .invalidValue(option: "--source", expected: "web_form, import, api, pos, cmp, app or paper"))
                }
                self.source = source
                at = try arguments.optionalTime("at")
                expires = try arguments.optionalTime("expires")
                evidence = try arguments.string("evidence")
                guardian = arguments.flag("guardian")
            }

            func record(_ status: String, _ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                let id = try subject.resolve(in: session, purpose: "legal")
                let now = session.vault.now()
                let inputs = purposes.map {
                    ConsentInput(
                        subject: id, purpose: $0, status: status, source: source, textVersion: text,
                        collectedAt: at ?? now, expiresAt: expires, givenBy: guardian ? .guardian : .subject,
                        evidence: evidence)
                }
                let records = try session.vault.recordConsents(inputs, as: session.actor)
                if context.globals.json {
                    try Output.json(records, to: context)
                } else {
                    for record in records {
                        context.stdout.writeLine(
                            "Consent \(record.status) for \(record.purpose) recorded (ledger entry \(record.seq)).")
                    }
                }
                return .success
            }
        }

        struct Grant: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "grant", abstract: "Record that the subject granted consent.")
            static let arguments = Consent.recordArguments
            let options: RecordOptions
            init(_ arguments: ParsedArguments) throws { options = try RecordOptions(arguments) }
            func run(_ context: CommandContext) throws -> ExitCode { try options.record("granted", context) }
        }

        struct Withdraw: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "withdraw", abstract: "Record a withdrawal; it takes effect at the next access (GDPR Art. 7(3)).")
            static let arguments = Consent.recordArguments
            let options: RecordOptions
            init(_ arguments: ParsedArguments) throws { options = try RecordOptions(arguments) }
            func run(_ context: CommandContext) throws -> ExitCode { try options.record("withdrawn", context) }
        }

        struct Refuse: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "refuse", abstract: "Record that the subject refused consent.")
            static let arguments = Consent.recordArguments
            let options: RecordOptions
            init(_ arguments: ParsedArguments) throws { options = try RecordOptions(arguments) }
            func run(_ context: CommandContext) throws -> ExitCode { try options.record("refused", context) }
        }

        struct Show: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "show", abstract: "The subject's current consent per purpose.")
            static let arguments = SubjectSelector.arguments
            let subject: SubjectSelector
            init(_ arguments: ParsedArguments) throws { subject = try SubjectSelector(arguments) }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                let id = try subject.resolve(in: session, purpose: "legal")
                let states = try session.vault.consentStates(of: id)
                try session.vault.recordOperation(
                    as: session.actor, purpose: "legal", action: "consent-show", subjects: [id])
                if context.globals.json {
                    try Output.json(states, to: context)
                } else {
                    Output.table(
                        ["PURPOSE", "STATUS", "EXPIRES", "GUARDIAN", "LEDGER"],
                        states.map {
                            [
                                $0.purpose, $0.status, $0.expiresAt.map(Output.time) ?? "-",
                                $0.givenByGuardian ? "yes" : "no", String($0.ledgerSequence),
                            ]
                        }, to: context)
                }
                return .success
            }
        }

        struct History: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "history", abstract: "Every consent record of the subject, oldest first.")
            static let arguments = SubjectSelector.arguments
            let subject: SubjectSelector
            init(_ arguments: ParsedArguments) throws { subject = try SubjectSelector(arguments) }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                let id = try subject.resolve(in: session, purpose: "legal")
                let records = try session.vault.consentHistory(of: id)
                try session.vault.recordOperation(
                    as: session.actor, purpose: "legal", action: "consent-history", subjects: [id])
                if context.globals.json {
                    try Output.json(records, to: context)
                } else {
                    Output.table(
                        ["SEQ", "COLLECTED", "PURPOSE", "STATUS", "TEXT", "SOURCE", "BY"],
                        records.map {
                            [
                                String($0.seq), Output.time($0.collectedAt), $0.purpose, $0.status, $0.textVersion,
                                $0.source, $0.givenBy,
                            ]
                        }, to: context)
                }
                return .success
            }
        }

        struct Proof: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "proof",
                abstract: "Export what demonstrates the subject's consent (GDPR Art. 7(1)) as JSON.",
                discussion:
                    "Each record with its text version and hash, source, time and chain position, plus the ledger's verification."
            )
            static let arguments =
                SubjectSelector.arguments + [
                    .option("out", valueName: "file", help: "Write to a file instead of stdout.")
                ]
            let subject: SubjectSelector
            let out: String?
            init(_ arguments: ParsedArguments) throws {
                subject = try SubjectSelector(arguments)
                out = arguments.optionalString("out")
            }

            struct ProofDocument: Encodable {
                let format = "tresor.consent-proof.v1"
                let vaultID: String
                let subject: String
                let generatedAt: String
                let records: [ConsentRecord]
                let currentState: [ConsentState]
                let ledgerVerification: LogVerification
                let checkpoint: AuditCheckpoint
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                let id = try subject.resolve(in: session, purpose: "legal")
                let records = try session.vault.consentHistory(of: id)
                guard !records.isEmpty else { throw CLIError.failure("subject \(id) has no consent records") }
                let document = ProofDocument(
                    vaultID: session.vault.vaultID, subject: id.description,
                    generatedAt: VaultTime.iso8601(session.vault.now()),
                    records: records, currentState: try session.vault.consentStates(of: id),
                    ledgerVerification: try session.vault.verifyConsentLedger(),
                    checkpoint: try session.vault.makeConsentCheckpoint(as: session.actor))
                try session.vault.recordOperation(
                    as: session.actor, purpose: "legal", action: "consent-proof", subjects: [id])
                if let out {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    try encoder.encode(document).write(to: URL(fileURLWithPath: out))
                    context.stdout.writeLine("Proof of consent for \(id) written to \(out) (\(records.count) records).")
                } else {
                    try Output.json(document, to: context)
                }
                return .success
            }
        }
    }
}
