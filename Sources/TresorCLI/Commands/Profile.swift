import Foundation
import Normalization
import Policy
import Vault

extension Tresor {
    /// `tresor profile`: one person's profile, through the accessors.
    enum Profile: Command {
        static let configuration = CommandConfiguration(
            name: "profile", abstract: "Show a person's unified profile through the policy-checked accessors.",
            subcommands: [Show.self, Links.self])

        struct Show: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "show",
                abstract:
                    "Fields with their sources, identities, events and consents — what the role may see for the purpose.",
                discussion: "Denied fields are listed with the reason. The read is recorded in the audit log.")
            static let arguments =
                SubjectSelector.arguments + [
                    .option("purpose", valueName: "purpose", help: "The purpose of the read.", default: "dsr"),
                    .option(
                        "field", valueName: "field", help: "Only these fields (repeatable; default all).",
                        repeatable: true),
                ]
            let subject: SubjectSelector
            let purpose: String
            let fields: [String]
            init(_ arguments: ParsedArguments) throws {
                subject = try SubjectSelector(arguments)
                purpose = try arguments.string("purpose")
                fields = arguments.strings("field")
            }

            struct View: Encodable {
                let subject: String
                let jurisdiction: String
                let restricted: Bool
                let objectedToMarketing: Bool
                let decision: String
                let fields: [FieldView]
                let denied: [DeniedView]
                let identities: [String: Int]
                let events: [String: Int]
                let consents: [ConsentState]
            }
            struct FieldView: Encodable {
                let name: String
                let value: String
                let source: String
            }
            struct DeniedView: Encodable {
                let field: String
                let reason: String
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                let id = try subject.resolve(in: session, purpose: purpose)
                let policy = session.vault.policy
                let requested = fields.isEmpty ? policy.fields.map(\.name).filter { $0 != Access.eventsField } : fields
                let access = session.vault.access(as: session.actor)
                let result = try access.read(id, fields: requested, purpose: purpose)
                guard let info = try session.vault.subjectInfo(id) else { throw CLIError.failure("no subject \(id)") }
                var eventCounts: [String: Int] = [:]
                if fields.isEmpty {
                    let events = try access.events(of: id, purpose: purpose, withProperties: false)
                    for event in events.events { eventCounts[event.type, default: 0] += 1 }
                }
                let consents =
                    policy.actor(named: session.actor.name).map { _ in try? session.vault.consentStates(of: id) } ?? nil
                let view = View(
                    subject: id.description, jurisdiction: info.jurisdiction, restricted: info.restricted,
                    objectedToMarketing: info.objectedToMarketing, decision: result.decision.summary,
                    fields: requested.compactMap { name in
                        result.values[name].map {
                            FieldView(name: name, value: $0.text, source: result.sources[name] ?? "")
                        }
                    },
                    denied: result.decision.deniedFields.map {
                        DeniedView(field: $0.field, reason: $0.reason.description)
                    },
                    identities: Dictionary(
                        uniqueKeysWithValues: try session.vault.identityCounts(of: id).map {
                            ($0.key.rawValue, $0.value)
                        }),
                    events: eventCounts, consents: result.isDenied ? [] : (consents ?? []))
                if context.globals.json {
                    try Output.json(view, to: context)
                    return .success
                }
                let out = context.stdout
                out.writeLine(
                    "Subject \(view.subject)  jurisdiction \(view.jurisdiction)\(view.restricted ? "  RESTRICTED" : "")\(view.objectedToMarketing ? "  OBJECTED TO MARKETING" : "")"
                )
                out.writeLine("Read as \(session.actor.name) for \(purpose): \(result.decision.summary)")
                if !view.fields.isEmpty {
                    out.writeLine("")
                    Output.table(
                        ["FIELD", "VALUE", "SOURCE"], view.fields.map { [$0.name, $0.value, $0.source] }, to: context)
                }
                if !view.denied.isEmpty {
                    out.writeLine("")
                    Output.table(["DENIED FIELD", "REASON"], view.denied.map { [$0.field, $0.reason] }, to: context)
                }
                if !view.identities.isEmpty {
                    out.writeLine("")
                    out.writeLine(
                        "Identities: "
                            + view.identities.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(
                                separator: ", "))
                }
                if !view.events.isEmpty {
                    out.writeLine(
                        "Events: "
                            + view.events.sorted { $0.value > $1.value }.map { "\($0.key) ×\($0.value)" }.joined(
                                separator: ", "))
                }
                if !view.consents.isEmpty {
                    out.writeLine(
                        "Consents: " + view.consents.map { "\($0.purpose)=\($0.status)" }.joined(separator: ", "))
                }
                return .success
            }
        }
    }
}

extension Tresor.Profile {
    struct Links: RunnableCommand {
        static let configuration = CommandConfiguration(
            name: "links",
            abstract: "List every imported record: source, source record id and the subject it resolved to.",
            discussion:
                "Lets anyone score identity resolution against a ground truth. Prints system ids only, no personal values."
        )
        init(_ arguments: ParsedArguments) throws {}

        func run(_ context: CommandContext) throws -> ExitCode {
            let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
            var count = 0
            if !context.globals.json { context.stdout.writeLine("source,source_record_id,subject") }
            var rows: [[String: String]] = []
            try session.vault.sourceLinks { source, record, subject in
                count += 1
                if context.globals.json {
                    rows.append(["source": source, "sourceRecordID": record, "subject": subject.description])
                } else {
                    context.stdout.writeLine("\(source),\(record),\(subject)")
                }
            }
            if context.globals.json { try Output.json(rows, to: context) }
            try session.vault.recordOperation(
                as: session.actor, purpose: "unification", action: "profile-links", reason: "\(count) records listed")
            return .success
        }
    }
}
