import Foundation
import Policy
import Vault

extension Tresor {
    /// `tresor retention sweep`.
    enum Retention: Command {
        static let configuration = CommandConfiguration(
            name: "retention", abstract: "Apply the retention periods of the policy.", subcommands: [Sweep.self])

        struct Sweep: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "sweep",
                abstract: "Delete fields, events and destruction records past their retention (legal holds respected).")
            static let arguments: [ArgumentSpec] = [
                .flag("dry-run", help: "Only list what would go, by category and count.")
            ]
            let dryRun: Bool
            init(_ arguments: ParsedArguments) throws { dryRun = arguments.flag("dry-run") }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context)
                let report = try session.vault.sweepRetention(dryRun: dryRun, as: session.actor)
                if context.globals.json {
                    try Output.json(report, to: context)
                } else {
                    context.stdout.writeLine(
                        dryRun ? "Would remove \(report.total) rows:" : "Removed \(report.total) rows:")
                    Output.table(
                        ["CATEGORY", "COUNT"],
                        report.removed.sorted { $0.key < $1.key }.map { [$0.key, String($0.value)] }, to: context)
                    if report.subjectsShredded > 0 {
                        context.stdout.writeLine(
                            "Subjects fully shredded after their legal hold: \(report.subjectsShredded)")
                    }
                }
                return .success
            }
        }
    }

    /// `tresor backup FILE`.
    struct Backup: RunnableCommand {
        static let configuration = CommandConfiguration(
            name: "backup", abstract: "Write an online, consistent, encrypted backup (no derived copies).",
            discussion: "The backup opens only with the vault's master key at the time of the backup.")
        static let arguments: [ArgumentSpec] = [.positional("file", help: "The backup file to write.")]
        let file: String
        init(_ arguments: ParsedArguments) throws { file = try arguments.string("file") }

        func run(_ context: CommandContext) throws -> ExitCode {
            let session = try VaultSession.open(context)
            let summary = try session.vault.backup(to: URL(fileURLWithPath: file), as: session.actor)
            if context.globals.json {
                try Output.json(summary, to: context)
            } else {
                context.stdout.writeLine(
                    "Backup of \(summary.subjects) subjects written to \(file) (\(summary.bytes) bytes, encrypted).")
            }
            return .success
        }
    }

    /// `tresor restore FILE`.
    struct Restore: RunnableCommand {
        static let configuration = CommandConfiguration(
            name: "restore", abstract: "Restore a backup and re-apply the erasure ledger (erased people stay erased).")
        static let arguments: [ArgumentSpec] = [.positional("file", help: "The backup file.")]
        let file: String
        init(_ arguments: ParsedArguments) throws { file = try arguments.string("file") }

        func run(_ context: CommandContext) throws -> ExitCode {
            // The vault must not be open while its database is replaced: build the actor without opening it.
            let directory = VaultSession.directory(context)
            let config = try VaultConfig.load(from: directory)
            let options = try VaultSession.options(context)
            let role = context.globals.role ?? config.defaultRole
            guard options.policy.actor(named: role)?.kind == .role else {
                throw CLIError.usage("--as: unknown role '\(role)'")
            }
            let actor = Actor(name: role, osUser: VaultSession.osUser(context))
            let (_, summary) = try Vault.restore(
                from: URL(fileURLWithPath: file), into: directory, options: options, as: actor)
            if context.globals.json {
                try Output.json(summary, to: context)
            } else {
                context.stdout.writeLine(
                    "Restored \(summary.subjects) subjects; the erasure ledger removed \(summary.reErasedSubjects) subjects and \(summary.reErasedIdentities) identities erased since the backup."
                )
            }
            return .success
        }
    }
}
