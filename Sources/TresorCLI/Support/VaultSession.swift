import Foundation
import Policy
import Vault

/// An open vault with the actor a command runs as: resolves `--vault`/`TRESOR_VAULT`, the role
/// (`--as` or the vault's default), the operating-system user, `TRESOR_NOW` and
/// `TRESOR_PASSPHRASE`, and loads the policy and consent texts kept in the vault folder.
struct VaultSession {
    let vault: Vault
    let actor: Actor
    let directory: URL

    /// The vault folder the command names.
    static func directory(_ context: CommandContext) -> URL {
        let path = context.globals.vault ?? context.environment["TRESOR_VAULT"] ?? "tresor-vault"
        return URL(fileURLWithPath: path)
    }

    /// The operating-system user behind the command.
    static func osUser(_ context: CommandContext) -> String {
        if let user = context.environment["USER"] ?? context.environment["LOGNAME"], !user.isEmpty { return user }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid-\(getuid())"
    }

    /// The clock from `TRESOR_NOW`, if set.
    static func clock(_ context: CommandContext) throws -> (any VaultClock)? {
        guard let text = context.environment["TRESOR_NOW"] else { return nil }
        guard let instant = VaultTime.parse(text) else {
            throw CLIError.usage("TRESOR_NOW must be an ISO 8601 time such as 2026-11-01T12:00:00Z")
        }
        return FixedClock(instant)
    }

    /// Opens the vault for a command.
    static func open(_ context: CommandContext, defaultRoleOverride: String? = nil) throws -> VaultSession {
        let directory = directory(context)
        let config = try VaultConfig.load(from: directory)
        let options = try options(context)
        let policy = options.policy
        let vault = try Vault.open(at: directory, options: options)
        let role = context.globals.role ?? defaultRoleOverride ?? config.defaultRole
        guard let definition = policy.actor(named: role), definition.kind == .role else {
            let roles = policy.actors.filter { $0.kind == .role }.map(\.name).sorted().joined(separator: ", ")
            throw CLIError.usage("--as: unknown role '\(role)' (one of: \(roles))")
        }
        return VaultSession(vault: vault, actor: Actor(name: role, osUser: osUser(context)), directory: directory)
    }

    /// The vault options a command's environment gives: policy, consent texts, holidays, clock, key.
    static func options(_ context: CommandContext) throws -> Vault.Options {
        let directory = directory(context)
        let config = try VaultConfig.load(from: directory)
        let policy = try PolicyFiles.loadPolicy(from: directory)
        var options = Vault.Options(policy: policy)
        options.consentTexts = try PolicyFiles.loadConsentTexts(from: directory, policy: policy)
        options.clock = try clock(context)
        options.durability = config.durability
        options.holidayCalendars = try PolicyFiles.loadHolidays(from: directory)
        if config.usesPassphrase {
            guard let passphrase = context.environment["TRESOR_PASSPHRASE"] else {
                throw CLIError.usage("this vault is protected by a passphrase: set TRESOR_PASSPHRASE")
            }
            options.keySource = .passphrase(passphrase)
        }
        return options
    }
}

/// The vault folder's non-secret settings (`config.json`).
struct VaultConfig: Codable {
    var defaultRole: String
    var durability: VaultDurability
    var usesPassphrase: Bool

    static let fileName = "config.json"

    static func load(from directory: URL) throws -> VaultConfig {
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("vault.sqlite").path) else {
            throw CLIError.failure("no vault in \(directory.path) (run `tresor init` first, or give --vault)")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return VaultConfig(defaultRole: "admin", durability: .full, usesPassphrase: false)
        }
        do {
            return try JSONDecoder().decode(VaultConfig.self, from: data)
        } catch {
            throw CLIError.failure("\(url.path) is not a valid vault configuration")
        }
    }

    func write(to directory: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: directory.appendingPathComponent(Self.fileName))
    }
}

/// Where the policy and the consent texts live: copied into the vault folder at `init`
/// (`policies/default.json`, `policies/consent-texts/`) so the vault is self-contained.
enum PolicyFiles {
    static func policyURL(in directory: URL) -> URL {
        directory.appendingPathComponent("policies/default.json")
    }

    static func consentTextsURL(in directory: URL) -> URL {
        directory.appendingPathComponent("policies/consent-texts")
    }

    static func loadPolicy(from directory: URL) throws -> AccessPolicy {
        do {
            return try AccessPolicy.load(contentsOf: policyURL(in: directory))
        } catch {
            throw CLIError.failure("the vault's policy does not load:\n\(error)")
        }
    }

    static func loadConsentTexts(from directory: URL, policy: AccessPolicy) throws -> (any ConsentTextCatalog)? {
        let url = consentTextsURL(in: directory)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try ConsentTextLibrary.load(directory: url, knownPurposes: Set(policy.consentPurposes))
        } catch {
            throw CLIError.failure("the vault's consent texts do not load:\n\(error)")
        }
    }

    /// The TCF purpose map, `policies/tcf-purposes.json`.
    static func loadTCFPurposeMap(from directory: URL, policy: AccessPolicy) throws -> TCFPurposeMap {
        let url = directory.appendingPathComponent("policies/tcf-purposes.json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CLIError.failure("the vault has no TCF purpose map (policies/tcf-purposes.json)")
        }
        do {
            return try TCFPurposeMap.load(contentsOf: url, knownPurposes: Set(policy.consentPurposes))
        } catch {
            throw CLIError.failure("the vault's TCF purpose map does not load:\n\(error)")
        }
    }

    /// Public holidays per regime: `policies/holidays-ru.json` counts for `152fz`.
    static func loadHolidays(from directory: URL) throws -> [String: HolidayCalendar] {
        let url = directory.appendingPathComponent("policies/holidays-ru.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        do {
            return ["152fz": try HolidayCalendar.load(contentsOf: url)]
        } catch {
            throw CLIError.failure("the vault's holiday calendar does not load:\n\(error)")
        }
    }

    /// The repository's `Policies` folder: `--policies`, `TRESOR_POLICIES`, `./Policies`, or next to the
    /// executable's checkout.
    static func sourceDirectory(explicit: String?) throws -> URL {
        if let explicit = explicit ?? ProcessInfo.processInfo.environment["TRESOR_POLICIES"] {
            return URL(fileURLWithPath: explicit)
        }
        let fm = FileManager.default
        var candidates = [URL(fileURLWithPath: "Policies")]
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(folder.appendingPathComponent("Policies"))
            folder = folder.deletingLastPathComponent()
        }
        if let found = candidates.first(where: { fm.fileExists(atPath: $0.appendingPathComponent("default.json").path) }
        ) {
            return found
        }
        throw CLIError.usage("cannot find the Policies folder; give --policies DIR")
    }
}
