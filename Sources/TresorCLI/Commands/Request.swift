import Foundation
import Policy
import Vault

extension Tresor {
    /// `tresor request`: data-subject requests end to end.
    enum Request: Command {
        static let configuration = CommandConfiguration(
            name: "request",
            abstract: "Open, verify, answer and close data-subject requests within their legal deadlines.",
            subcommands: [
                Open.self, List.self, Show.self, Verify.self, Extend.self, Export.self, Rectify.self, Restrict.self,
                Object.self, Erase.self, Reject.self, Close.self, Destruction.self,
            ])

        static let idArgument = ArgumentSpec.positional("id", help: "The request id (R-…).")

        struct Open: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "open", abstract: "Record a request; its due date follows the subject's regime.",
                discussion:
                    "GDPR: one month, extendable by two (Art. 12(3)). 152-FZ: ten working days, extendable by five (Art. 14, 20)."
            )
            static let arguments: [ArgumentSpec] =
                [
                    .option(
                        "kind", valueName: "kind",
                        help: "access, portability, rectification, erasure, restriction or objection.", required: true),
                    .option(
                        "channel", valueName: "channel", help: "How it arrived (email, web, letter, in-person...).",
                        required: true),
                    .option("received", valueName: "time", help: "When it was received (ISO 8601; default now)."),
                ] + SubjectSelector.arguments
            let kind: DataSubjectRequest.Kind
            let channel: String
            let received: Int64?
            let subject: SubjectSelector
            init(_ arguments: ParsedArguments) throws {
                guard let kind = DataSubjectRequest.Kind(rawValue: try arguments.string("kind")) else {
                    throw UsageError(
                        .invalidValue(
                            option: "--kind",
                            expected: "access, portability, rectification, erasure, restriction or objection"))
                }
                self.kind = kind
                channel = try arguments.string("channel")
                received = try arguments.optionalTime("received")
                subject = try SubjectSelector(arguments)
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                let id = try subject.resolve(in: session, purpose: "dsr")
                let request = try session.vault.openRequest(
                    kind: kind, subject: id, channel: channel, receivedAt: received, as: session.actor)
                try RequestView.print(request, context)
                return .success
            }
        }

        struct List: RunnableCommand {
            static let configuration = CommandConfiguration(name: "list", abstract: "List requests, newest first.")
            static let arguments: [ArgumentSpec] = [
                .flag("overdue", help: "Only open requests past their deadline."),
                .option("due-within", valueName: "days", help: "Only open requests due within this many days."),
            ]
            let overdue: Bool
            let dueWithin: Int?
            init(_ arguments: ParsedArguments) throws {
                overdue = arguments.flag("overdue")
                dueWithin = try arguments.optionalInt("due-within")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                let requests = try session.vault.requests(overdue: overdue, dueWithinDays: dueWithin)
                try session.vault.recordOperation(
                    as: session.actor, purpose: "dsr", action: "request-list", reason: "\(requests.count) requests")
                if context.globals.json {
                    try Output.json(requests.map(RequestView.init), to: context)
                } else {
                    let now = session.vault.now()
                    Output.table(
                        ["ID", "KIND", "STATE", "REGIME", "RECEIVED", "DUE", ""],
                        requests.map {
                            [
                                $0.id, $0.kind.rawValue, $0.state.rawValue, $0.jurisdiction, Output.time($0.receivedAt),
                                Output.time($0.effectiveDueAt), $0.isOverdue(at: now) ? "OVERDUE" : "",
                            ]
                        }, to: context)
                }
                return .success
            }
        }

        struct Show: RunnableCommand {
            static let configuration = CommandConfiguration(name: "show", abstract: "Show one request and its history.")
            static let arguments = [Request.idArgument]
            let id: String
            init(_ arguments: ParsedArguments) throws { id = try arguments.string("id") }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                guard let request = try session.vault.request(id) else { throw CLIError.failure("no request \(id)") }
                try session.vault.recordOperation(
                    as: session.actor, purpose: "dsr", action: "request-show", subjects: [request.subject], reason: id)
                try RequestView.print(request, context)
                return .success
            }
        }

        struct Verify: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "verify",
                abstract: "Record how the requester's identity was verified (required before answering).")
            static let arguments = [
                Request.idArgument,
                .option("method", valueName: "text", help: "How the identity was verified.", required: true),
            ]
            let id: String
            let method: String
            init(_ arguments: ParsedArguments) throws {
                id = try arguments.string("id")
                method = try arguments.string("method")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                try RequestView.print(try session.vault.verifyRequest(id, method: method, as: session.actor), context)
                return .success
            }
        }

        struct Extend: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "extend", abstract: "Extend the deadline once, with the reasoned notice sent to the person.")
            static let arguments = [
                Request.idArgument,
                .option("reason", valueName: "text", help: "The reason given to the person.", required: true),
            ]
            let id: String
            let reason: String
            init(_ arguments: ParsedArguments) throws {
                id = try arguments.string("id")
                reason = try arguments.string("reason")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                try RequestView.print(try session.vault.extendRequest(id, reason: reason, as: session.actor), context)
                return .success
            }
        }

        struct Export: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "export",
                abstract:
                    "Answer an access or portability request: a JSON file and an HTML page in the person's language.",
                discussion:
                    "Writes DIR/<request>.json (machine-readable, GDPR Art. 20) and DIR/<request>.html, then completes the request."
            )
            static let arguments = [
                Request.idArgument, .option("out", valueName: "dir", help: "Where to write the files.", required: true),
            ]
            let id: String
            let out: String
            init(_ arguments: ParsedArguments) throws {
                id = try arguments.string("id")
                out = try arguments.string("out")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                let progress = Progress(context)
                progress.update("exporting \(id)…")
                let export = try session.vault.buildExport(requestID: id, as: session.actor)
                let directory = URL(fileURLWithPath: out)
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let json = directory.appendingPathComponent("\(id).json")
                let html = directory.appendingPathComponent("\(id).html")
                try encoder.encode(export).write(to: json, options: .atomic)
                try Data(SubjectExportPage.render(export).utf8).write(to: html, options: .atomic)
                chmod(json.path, 0o600)
                chmod(html.path, 0o600)
                progress.finish()
                let summary =
                    "exported \(export.fields.count) fields, \(export.events.count) events, \(export.consents.count) consent records, \(export.accessLog.count) access-log entries to \(json.lastPathComponent) and \(html.lastPathComponent)"
                let request = try session.vault.completeRequest(id, result: summary, as: session.actor)
                if context.globals.json {
                    try Output.json(
                        ["request": id, "json": json.path, "html": html.path, "state": request.state.rawValue],
                        to: context)
                } else {
                    context.stdout.writeLine("Request \(id) completed: \(summary)")
                    context.stdout.writeLine("  \(json.path)\n  \(html.path)")
                }
                return .success
            }
        }

        struct Rectify: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "rectify",
                abstract: "Correct fields; the vault records that they were rectified, not the old values.")
            static let arguments = [
                Request.idArgument,
                .option(
                    "set", valueName: "field=value", help: "A corrected value (repeatable).", required: true,
                    repeatable: true),
            ]
            let id: String
            let values: [String: String]
            init(_ arguments: ParsedArguments) throws {
                id = try arguments.string("id")
                var values: [String: String] = [:]
                for pair in arguments.strings("set") {
                    guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                        throw UsageError(.invalidValue(option: "--set", expected: "field=value"))
                    }
                    values[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
                }
                self.values = values
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                var typed: [String: FieldValue] = [:]
                for (name, text) in values {
                    typed[name] = session.vault.policy.field(named: name)?.type == .date ? .date(text) : .string(text)
                }
                try RequestView.print(
                    try session.vault.rectify(requestID: id, values: typed, as: session.actor), context)
                return .success
            }
        }

        struct Restrict: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "restrict",
                abstract: "Restrict processing (GDPR Art. 18, 152-FZ blocking), or lift it with --lift.")
            static let arguments = [Request.idArgument, .flag("lift", help: "Lift the restriction instead.")]
            let id: String
            let lift: Bool
            init(_ arguments: ParsedArguments) throws {
                id = try arguments.string("id")
                lift = arguments.flag("lift")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                try RequestView.print(try session.vault.restrict(requestID: id, lift: lift, as: session.actor), context)
                return .success
            }
        }

        struct Object: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "object",
                abstract: "Record an objection to direct marketing (absolute, immediate); --processing adds Art. 21(1)."
            )
            static let arguments = [
                Request.idArgument, .flag("processing", help: "Also object to legitimate-interest processing."),
            ]
            let id: String
            let processing: Bool
            init(_ arguments: ParsedArguments) throws {
                id = try arguments.string("id")
                processing = arguments.flag("processing")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                let (request, _) = try session.vault.object(requestID: id, toProcessing: processing, as: session.actor)
                try RequestView.print(request, context)
                return .success
            }
        }

        struct Erase: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "erase",
                abstract:
                    "Erase the person (crypto-shredding), keep only what the law holds, write the destruction record.",
                discussion:
                    "Several request ids erase in one batch. --suppress adds keyed hashes of the e-mail and phone to the suppression list (always done when the person objected)."
            )
            static let arguments = [
                ArgumentSpec.positional("id", help: "Request ids (R-…).", repeatable: true),
                .flag("suppress", help: "Keep keyed hashes of e-mail and phone so an import can't bring them back."),
                .option(
                    "record-out", valueName: "dir",
                    help: "Also export each destruction record as JSON and HTML into this folder."),
            ]
            let ids: [String]
            let suppress: Bool
            let recordOut: String?
            init(_ arguments: ParsedArguments) throws {
                ids = arguments.strings("id")
                suppress = arguments.flag("suppress")
                recordOut = arguments.optionalString("record-out")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                let results = try session.vault.erase(requests: ids, suppress: suppress, as: session.actor)
                var files: [String] = []
                if let recordOut {
                    for result in results {
                        files += try DestructionRecordFiles.write(
                            result.destructionRecordID, session: session, to: URL(fileURLWithPath: recordOut))
                    }
                }
                if context.globals.json {
                    try Output.json(results, to: context)
                } else {
                    for result in results {
                        let what =
                            result.fullyErased
                            ? "crypto-shredded"
                            : "erased; held by law and restricted: "
                                + result.held.map { "\($0.category) until \($0.until.prefix(10)) (\($0.reason))" }
                                .joined(separator: "; ")
                        context.stdout.writeLine(
                            "\(result.requestID): subject \(result.subject) \(what). Destruction record \(result.destructionRecordID)."
                        )
                    }
                    for file in files { context.stdout.writeLine("  \(file)") }
                }
                return .success
            }
        }

        struct Reject: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "reject", abstract: "Reject a request with the reason given to the person.")
            static let arguments = [
                Request.idArgument, .option("reason", valueName: "text", help: "Why.", required: true),
            ]
            let id: String
            let reason: String
            init(_ arguments: ParsedArguments) throws {
                id = try arguments.string("id")
                reason = try arguments.string("reason")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                try RequestView.print(try session.vault.rejectRequest(id, reason: reason, as: session.actor), context)
                return .success
            }
        }

        struct Close: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "close", abstract: "Complete a verified request with a result summary.")
            static let arguments = [
                Request.idArgument,
                .option("result", valueName: "text", help: "What was done (no personal values).", required: true),
            ]
            let id: String
            let result: String
            init(_ arguments: ParsedArguments) throws {
                id = try arguments.string("id")
                result = try arguments.string("result")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                try RequestView.print(try session.vault.completeRequest(id, result: result, as: session.actor), context)
                return .success
            }
        }

        struct Destruction: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "destruction-record",
                abstract: "Export a signed destruction record (152-FZ act / GDPR erasure record) as JSON and HTML.")
            static let arguments = [
                ArgumentSpec.positional("record", help: "The record id (D-…)."),
                .option("out", valueName: "dir", help: "Where to write the files.", required: true),
            ]
            let id: String
            let out: String
            init(_ arguments: ParsedArguments) throws {
                id = try arguments.string("record")
                out = try arguments.string("out")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context, defaultRoleOverride: "compliance")
                for file in try DestructionRecordFiles.write(id, session: session, to: URL(fileURLWithPath: out)) {
                    context.stdout.writeLine(file)
                }
                return .success
            }
        }
    }
}

/// Writes a destruction record's JSON (with its signature) and HTML.
enum DestructionRecordFiles {
    static func write(_ id: String, session: VaultSession, to directory: URL) throws -> [String] {
        let (record, valid, signature) = try session.vault.destructionRecord(id, as: session.actor)
        guard valid else { throw CLIError.failure("destruction record \(id) fails its signature check") }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        struct Signed: Encodable {
            let record: DestructionRecord
            let signature: String
            let publicKey: String
        }
        let checkpointKey = try session.vault.auditCheckpointPublicKey()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = directory.appendingPathComponent("\(id).json")
        let html = directory.appendingPathComponent("\(id).html")
        try encoder.encode(Signed(record: record, signature: signature, publicKey: checkpointKey)).write(
            to: json, options: .atomic)
        try Data(DestructionRecordPage.render(record, signature: signature, publicKey: checkpointKey).utf8).write(
            to: html, options: .atomic)
        chmod(json.path, 0o600)
        chmod(html.path, 0o600)
        return [json.path, html.path]
    }
}

/// A request as the CLI prints it.
struct RequestView: Encodable {
    let id, subject, kind, channel, jurisdiction, state, receivedAt, dueAt: String
    let extendedDueAt, extensionReason, verifiedBy, verificationMethod, completedAt, rejectionReason: String?
    let result: String

    init(_ r: DataSubjectRequest) {
        id = r.id
        subject = r.subject.description
        kind = r.kind.rawValue
        channel = r.channel
        jurisdiction = r.jurisdiction
        state = r.state.rawValue
        receivedAt = VaultTime.iso8601(r.receivedAt)
        dueAt = VaultTime.iso8601(r.dueAt)
        extendedDueAt = r.extendedDueAt.map(VaultTime.iso8601)
        extensionReason = r.extensionReason
        verifiedBy = r.verifiedBy
        verificationMethod = r.verificationMethod
        completedAt = r.completedAt.map(VaultTime.iso8601)
        rejectionReason = r.rejectionReason
        result = r.result
    }

    static func print(_ request: DataSubjectRequest, _ context: CommandContext) throws {
        let view = RequestView(request)
        if context.globals.json {
            try Output.json(view, to: context)
            return
        }
        var lines = [
            "Request \(view.id)  \(view.kind)  \(view.state)",
            "  subject \(view.subject) (\(view.jurisdiction)), via \(view.channel)",
            "  received \(Output.time(request.receivedAt)), due \(Output.time(request.dueAt))",
        ]
        if let extended = request.extendedDueAt {
            lines.append("  extended to \(Output.time(extended)): \(view.extensionReason ?? "")")
        }
        if let verified = view.verifiedBy {
            lines.append("  identity verified by \(verified): \(view.verificationMethod ?? "")")
        }
        if let reason = view.rejectionReason { lines.append("  rejected: \(reason)") }
        if !view.result.isEmpty { lines.append("  result: \(view.result)") }
        context.stdout.writeLine(lines.joined(separator: "\n"))
    }
}
