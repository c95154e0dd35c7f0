import Foundation
import Unification
import Vault

extension Tresor {
    /// `tresor import customers|events|consents FILE`.
    enum Import: Command {
        static let configuration = CommandConfiguration(
            name: "import",
            abstract:
                "Import customers (CSV), events (Segment NDJSON) or consents (NDJSON) — streaming, idempotent, resumable.",
            discussion: """
                Bad rows never stop an import: each goes to the reject report (file, line, field, reason — never the \
                value), written next to the input as FILE.rejects.csv unless --rejects says otherwise. Exit code 65 \
                when anything was rejected, 0 otherwise. Records are written by the unification module on behalf of \
                the role, each batch one audited transaction.
                """,
            subcommands: [Customers.self, Events.self, Consents.self])

        static let common: [ArgumentSpec] = [
            .positional("file", help: "The file to import."),
            .option("rejects", valueName: "file", help: "Where to write the reject report (default FILE.rejects.csv)."),
        ]

        struct Customers: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "customers",
                abstract: "Import a customer CSV (RFC 4180, UTF-8, header row) and resolve identities.")
            static let arguments =
                Import.common + [
                    .option(
                        "source", valueName: "name",
                        help: "Source system when the file has no source column (default: file name)."),
                    .option("mapping", valueName: "file", help: "JSON column mapping overriding the automatic one."),
                ]
            let file: String
            let rejects: String?
            let source: String?
            let mapping: String?
            init(_ arguments: ParsedArguments) throws {
                file = try arguments.string("file")
                rejects = arguments.optionalString("rejects")
                source = arguments.optionalString("source")
                mapping = arguments.optionalString("mapping")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                try Import.run(context, file: file, rejects: rejects) { session, url, progress in
                    try CustomerImporter(vault: session.vault, actor: session.moduleActor).run(
                        file: url,
                        options: .init(source: source, mappingFile: mapping.map { URL(fileURLWithPath: $0) }),
                        progress: progress)
                }
            }
        }

        struct Events: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "events", abstract: "Import Segment-spec messages (identify, track, page, screen, alias, batch).")
            static let arguments =
                Import.common + [
                    .option("source", valueName: "name", help: "Source label of the events.", default: "segment")
                ]
            let file: String
            let rejects: String?
            let source: String
            init(_ arguments: ParsedArguments) throws {
                file = try arguments.string("file")
                rejects = arguments.optionalString("rejects")
                source = try arguments.string("source")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                try Import.run(context, file: file, rejects: rejects) { session, url, progress in
                    try EventImporter(vault: session.vault, actor: session.moduleActor).run(
                        file: url, source: source, progress: progress)
                }
            }
        }

        struct Consents: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "consents",
                abstract: "Import consent records into the consent ledger (text versions are checked).")
            static let arguments = Import.common
            let file: String
            let rejects: String?
            init(_ arguments: ParsedArguments) throws {
                file = try arguments.string("file")
                rejects = arguments.optionalString("rejects")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                try Import.run(context, file: file, rejects: rejects) { session, url, progress in
                    try ConsentImporter(vault: session.vault, actor: session.actor).run(file: url, progress: progress)
                }
            }
        }

        /// Runs an importer with progress, writes the reject report and prints the summary.
        static func run(
            _ context: CommandContext, file: String, rejects: String?,
            _ body: (VaultSession, URL, (Int) -> Void) throws -> (ImportSummary, RejectReport)
        ) throws -> ExitCode {
            let session = try VaultSession.open(context)
            let url = URL(fileURLWithPath: file)
            guard FileManager.default.isReadableFile(atPath: url.path) else {
                throw CLIError.failure("cannot read \(file)")
            }
            let progress = Progress(context)
            let (summary, report) = try body(session, url) {
                progress.update("\(url.lastPathComponent): \($0) records read")
            }
            progress.finish()
            let rejectsURL = URL(fileURLWithPath: rejects ?? file + ".rejects.csv")
            if !report.isEmpty {
                try report.write(to: rejectsURL)
            } else {
                try? FileManager.default.removeItem(at: rejectsURL)
            }
            if context.globals.json {
                try Output.json(summary, to: context)
            } else {
                let rate =
                    summary.milliseconds > 0
                    ? Int(Double(summary.read) / (Double(summary.milliseconds) / 1000)) : summary.read
                context.stdout.writeLine(
                    "\(summary.file): \(summary.read) read, \(summary.imported) imported, \(summary.alreadyImported) already imported, \(summary.rejected) rejected, \(summary.fieldsDropped) fields dropped; \(summary.subjectsCreated) subjects created, \(summary.subjectsMatched) matched (\(summary.milliseconds) ms, \(rate)/s)"
                )
                if summary.mergesApplied > 0 {
                    context.stdout.writeLine(
                        "  \(summary.mergesApplied) existing subjects merged (see `tresor profile merges`; undo with `tresor profile unmerge`)."
                    )
                }
                if !report.isEmpty {
                    let reasons = summary.rejectsByReason.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }
                        .joined(separator: ", ")
                    context.stdout.writeLine("  rejects: \(reasons) — see \(rejectsURL.path)")
                }
            }
            return summary.isClean ? .success : .dataError
        }
    }
}

extension VaultSession {
    /// The unification module acting for the session's user (imports write as the module).
    var moduleActor: Actor { Actor(name: "unification", osUser: "\(actor.osUser) via \(actor.name)") }
}
