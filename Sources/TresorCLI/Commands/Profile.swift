import Foundation
import Normalization
import Policy
import Vault

extension Tresor {
    /// `tresor profile`: one person's profile, through the accessors.
    enum Profile: Command {
        static let configuration = CommandConfiguration(
            name: "profile", abstract: "Show a person's unified profile through the policy-checked accessors.",
            subcommands: [Show.self, Links.self, Merges.self, Merge.self, Unmerge.self])

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

extension Tresor.Profile {
    struct Merges: RunnableCommand {
        static let configuration = CommandConfiguration(
            name: "merges",
            abstract: "List the merge log: which subjects were joined, by which rule, and whether undone.")
        static let arguments: [ArgumentSpec] = [
            .option("subject", valueName: "id", help: "Only merges into this subject.")
        ]
        let subject: SubjectID?
        init(_ arguments: ParsedArguments) throws {
            subject = try arguments.optionalString("subject").map {
                guard let id = SubjectID(hex: $0) else { throw UsageError("--subject must be 32 hex digits") }
                return id
            }
        }

        func run(_ context: CommandContext) throws -> ExitCode {
            let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
            let merges = try session.vault.merges(survivor: subject)
            try session.vault.recordOperation(
                as: session.actor, purpose: "unification", action: "merge-list", reason: "\(merges.count) merges")
            if context.globals.json {
                try Output.json(merges, to: context)
            } else {
                Output.table(
                    ["MERGE", "SURVIVOR", "ABSORBED", "RULE", "AT", "UNDONE"],
                    merges.map {
                        [
                            $0.id, $0.survivor.description, $0.absorbed.description, $0.rule, Output.time($0.at),
                            $0.undoneAt.map(Output.time) ?? "",
                        ]
                    }, to: context)
            }
            return .success
        }
    }

    struct Merge: RunnableCommand {
        static let configuration = CommandConfiguration(
            name: "merge", abstract: "Merge one subject into another by hand (logged, undoable).")
        static let arguments: [ArgumentSpec] = [
            .positional("absorbed", help: "The subject id that disappears into the other."),
            .positional("survivor", help: "The subject id that remains."),
        ]
        let absorbed: SubjectID
        let survivor: SubjectID
        init(_ arguments: ParsedArguments) throws {
            guard let absorbed = SubjectID(hex: try arguments.string("absorbed")),
                let survivor = SubjectID(hex: try arguments.string("survivor"))
            else {
                throw UsageError("<absorbed> and <survivor> must be subject ids of 32 hex digits")
            }
            self.absorbed = absorbed
            self.survivor = survivor
        }

        func run(_ context: CommandContext) throws -> ExitCode {
            let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
            let merge = try session.vault.merge(
                absorbed, into: survivor, rule: "manual (\(session.actor.name))", as: session.actor)
            context.stdout.writeLine(
                context.globals.json
                    ? "{\"merge\": \"\(merge.id)\"}" : "Merged \(absorbed) into \(survivor) (\(merge.id)).")
            return .success
        }
    }

    struct Unmerge: RunnableCommand {
        static let configuration = CommandConfiguration(
            name: "unmerge",
            abstract: "Undo a merge: restore the absorbed subject with its own data from the merge log.")
        static let arguments: [ArgumentSpec] = [.positional("merge", help: "The merge id (M-…).")]
        let id: String
        init(_ arguments: ParsedArguments) throws { id = try arguments.string("merge") }

        func run(_ context: CommandContext) throws -> ExitCode {
            let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
            let merge = try session.vault.unmerge(id, as: session.actor)
            context.stdout.writeLine(
                context.globals.json
                    ? "{\"unmerged\": \"\(merge.id)\"}"
                    : "Undid \(merge.id): \(merge.absorbed) restored apart from \(merge.survivor).")
            return .success
        }
    }
}
