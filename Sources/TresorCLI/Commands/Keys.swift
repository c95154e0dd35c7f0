import Normalization
import Vault

extension Tresor {
    /// `tresor keys`: master-key and data-key rotation.
    enum Keys: Command {
        static let configuration = CommandConfiguration(
            name: "keys", abstract: "Rotate the master key or one subject's data key.",
            subcommands: [RotateMaster.self, RotateSubject.self])

        struct RotateMaster: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "rotate-master",
                abstract: "Replace the master key and rewrap every data key (no data is re-encrypted).",
                discussion: "For a passphrase vault, TRESOR_NEW_PASSPHRASE gives the new passphrase.")
            init(_ arguments: ParsedArguments) throws {}

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context)
                let count = try session.vault.rotateMasterKey(
                    as: session.actor, newPassphrase: context.environment["TRESOR_NEW_PASSPHRASE"])
                if context.globals.json {
                    try Output.json(["rewrappedDataKeys": count], to: context)
                } else {
                    context.stdout.writeLine(
                        "Master key rotated; \(count) data keys rewrapped. Back up the new key file.")
                }
                return .success
            }
        }

        struct RotateSubject: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "rotate-subject", abstract: "Give one subject a new data key and re-encrypt its data.")
            static let arguments = SubjectSelector.arguments
            let subject: SubjectSelector
            init(_ arguments: ParsedArguments) throws { subject = try SubjectSelector(arguments) }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context)
                let id = try subject.resolve(in: session, purpose: "security")
                try session.vault.rotateDataKey(of: id, as: session.actor)
                context.stdout.writeLine(
                    context.globals.json ? "{\"rotated\": \"\(id)\"}" : "Data key of \(id) rotated.")
                return .success
            }
        }
    }
}
