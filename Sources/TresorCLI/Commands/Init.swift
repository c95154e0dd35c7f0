import Foundation
import Policy
import Vault

extension Tresor {
    /// `tresor init`: creates a vault (database, key file, policy copy).
    struct Init: RunnableCommand {
        static let configuration = CommandConfiguration(
            name: "init", abstract: "Create a vault: database, master key file (mode 0600) and a copy of the policy.",
            discussion: """
                The master key file master.key is the only key that opens the vault: back it up apart from the \
                database. With --passphrase the key is derived from TRESOR_PASSPHRASE (Argon2id) and no key file \
                is written.
                """)
        static let arguments: [ArgumentSpec] = [
            .option(
                "policies", valueName: "dir", help: "Folder with default.json and consent-texts/ (default: ./Policies)."
            ),
            .option("default-role", valueName: "role", help: "Role used when --as is not given.", default: "admin"),
            .option(
                "durability", valueName: "mode", help: "full (survives power loss) or normal (survives a crash).",
                default: "full"),
            .flag("passphrase", help: "Derive the master key from TRESOR_PASSPHRASE instead of a key file."),
            .flag("test-clock", help: "Accept TRESOR_NOW as the clock (demos and tests only)."),
        ]

        let policies: String?
        let defaultRole: String
        let durability: VaultDurability
        let usePassphrase: Bool
        let testClock: Bool

        init(_ arguments: ParsedArguments) throws {
            policies = arguments.optionalString("policies")
            defaultRole = try arguments.string("default-role")
            guard let durability = VaultDurability(rawValue: try arguments.string("durability")) else {
                throw UsageError(.invalidValue(option: "--durability", expected: "full or normal"))
            }
            self.durability = durability
            usePassphrase = arguments.flag("passphrase")
            testClock = arguments.flag("test-clock")
        }

        func run(_ context: CommandContext) throws -> ExitCode {
            let directory = VaultSession.directory(context)
            let source = try PolicyFiles.sourceDirectory(explicit: policies)
            let policy: AccessPolicy
            do {
                policy = try AccessPolicy.load(contentsOf: source.appendingPathComponent("default.json"))
            } catch {
                throw CLIError.dataError("\(error)")
            }
            guard policy.actor(named: defaultRole)?.kind == .role else {
                throw CLIError.usage("--default-role: '\(defaultRole)' is not a role of the policy")
            }
            var options = Vault.Options(policy: policy)
            options.durability = durability
            options.testClock = testClock
            options.clock = try VaultSession.clock(context)
            if usePassphrase {
                guard let passphrase = context.environment["TRESOR_PASSPHRASE"], passphrase.count >= 12 else {
                    throw CLIError.usage("--passphrase needs TRESOR_PASSPHRASE set to at least 12 characters")
                }
                options.keySource = .passphrase(passphrase)
            }
            let vault = try Vault.create(at: directory, options: options)
            let fm = FileManager.default
            let target = directory.appendingPathComponent("policies")
            try fm.createDirectory(at: target, withIntermediateDirectories: true)
            try fm.copyItem(
                at: source.appendingPathComponent("default.json"), to: target.appendingPathComponent("default.json"))
            let texts = source.appendingPathComponent("consent-texts")
            if fm.fileExists(atPath: texts.path) {
                try fm.copyItem(at: texts, to: target.appendingPathComponent("consent-texts"))
            }
            for extra in ["holidays-ru.json", "tcf-purposes.json"]
            where fm.fileExists(atPath: source.appendingPathComponent(extra).path) {
                try fm.copyItem(at: source.appendingPathComponent(extra), to: target.appendingPathComponent(extra))
            }
            try VaultConfig(defaultRole: defaultRole, durability: durability, usesPassphrase: usePassphrase).write(
                to: directory)
            try vault.recordOperation(
                as: Actor(name: defaultRole, osUser: VaultSession.osUser(context)), purpose: "security", action: "init",
                reason: "vault created (policy \(policy.version))")
            if context.globals.json {
                try Output.json(
                    ["vault": directory.path, "vaultID": vault.vaultID, "testClock": testClock ? "yes" : "no"],
                    to: context)
            } else {
                context.stdout.writeLine("Created vault \(vault.vaultID) in \(directory.path)")
                if !usePassphrase {
                    context.stdout.writeLine(
                        "Master key: \(directory.appendingPathComponent("master.key").path) (mode 0600) — back it up separately."
                    )
                }
                if testClock { context.stdout.writeLine("Test clock: TRESOR_NOW is accepted by this vault.") }
            }
            return .success
        }
    }
}
