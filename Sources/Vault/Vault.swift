public import Foundation
public import Policy
import VaultCrypto
import VaultStore

/// The vault: subjects, encrypted fields and events, identities, keyring, audit log and consent
/// state in one SQLite database (`vault.sqlite`) next to its key file (`master.key`).
///
/// Reading personal data is internal to this module: other modules go through `Access`.
/// Not thread-safe: one vault per thread (open another for another thread).
public final class Vault {
    /// The vault's folder.
    public let directory: URL
    /// True when the vault was created with `--test-clock` and so accepts an injected clock.
    public let acceptsTestClock: Bool
    let store: Store
    let keyring: Keyring
    let clock: any VaultClock
    /// The access policy every decision is made under.
    public let policy: AccessPolicy
    /// Plans of `policy` already computed, by request.
    let plans: AccessPlanCache
    /// Field and source names of recently read rows (`RowTextCache`).
    let fieldNames = RowTextCache()
    let fieldSources = RowTextCache()
    /// The XChaCha20 subkeys of the values last opened (`SubkeyCache`): the fields one write
    /// sealed share one, so a profile read derives one subkey per write instead of one per field.
    let subkeys: SubkeyCache
    /// The consent texts that consent records may point to.
    public let consentTexts: (any ConsentTextCatalog)?
    /// Public holidays per regime, for deadlines counted in working days.
    public let holidayCalendars: [String: HolidayCalendar]
    /// The vault's random id (hex), also in every exported checkpoint.
    public var vaultID: String { keyring.vaultID.map { String(format: "%02x", $0) }.joined() }

    static let databaseName = "vault.sqlite"
    static let keyFileName = "master.key"

    /// How the master key is obtained.
    public enum KeySource: Sendable {
        /// The key file `master.key` in the vault folder (created with the vault, mode 0600).
        case keyFile
        /// A passphrase stretched with Argon2id (salt and cost kept in the database).
        case passphrase(String, cost: PassphraseCost = .moderate)
    }

    /// Argon2id work factors for a passphrase.
    public enum PassphraseCost: Sendable {
        /// Fast (tests and demos).
        case interactive
        /// About 256 MiB and a second of work (the default).
        case moderate

        var kdfCost: PassphraseKDF.Cost { self == .interactive ? .interactive : .moderate }
    }

    /// Options for creating or opening a vault.
    public struct Options: Sendable {
        /// The access policy (fields, purposes, actors, regimes).
        public var policy: AccessPolicy
        /// The consent texts (`Policies/consent-texts/`); without them no consent can be recorded.
        public var consentTexts: (any ConsentTextCatalog)?
        /// Public holidays per regime (`152fz` → `Policies/holidays-ru.json`).
        public var holidayCalendars: [String: HolidayCalendar] = [:]
        /// Where the master key comes from.
        public var keySource: KeySource = .keyFile
        /// Commit durability (`full` by default: an acknowledged write survives power loss).
        public var durability: VaultDurability = .full
        /// An injected clock; accepted only by a vault created with `testClock`.
        public var clock: (any VaultClock)?
        /// At creation: allow an injected clock for this vault's lifetime (demos and tests).
        public var testClock = false

        /// Default options for `policy`: key file, full durability, system clock.
        public init(policy: AccessPolicy) { self.policy = policy }
    }

    private init(
        directory: URL, store: Store, keyring: Keyring, clock: any VaultClock, acceptsTestClock: Bool,
        policy: AccessPolicy,
        consentTexts: (any ConsentTextCatalog)?, holidayCalendars: [String: HolidayCalendar]
    ) throws {
        subkeys = try SubkeyCache()
        self.policy = policy
        plans = AccessPlanCache(policy: policy)
        self.consentTexts = consentTexts
        self.holidayCalendars = holidayCalendars
        self.directory = directory
        self.store = store
        self.keyring = keyring
        self.clock = clock
        self.acceptsTestClock = acceptsTestClock
        store.onRollback = { [keyring] in keyring.forgetAll() }
    }

    /// The vault's current time.
    public func now() -> Int64 { clock.now() }

    // MARK: Create

    /// Creates a new vault in `directory` (created if missing; must not already hold a vault).
    /// - Throws: `VaultError` `.vaultExists`, `.storage`.
    public static func create(at directory: URL, options: Options) throws -> Vault {
        let fm = FileManager.default
        let databasePath = directory.appendingPathComponent(databaseName).path
        guard !fm.fileExists(atPath: databasePath) else {
            throw VaultError(.vaultExists, "a vault already exists in \(directory.path)")
        }
        if options.clock != nil && !options.testClock {
            throw VaultError(.testClockRefused, "an injected clock needs a vault created with --test-clock")
        }
        try fm.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let vaultID = try CryptoRandom.bytes(16)
        let master: MasterKey
        var meta: [(String, any DatabaseBindable)] = []
        switch options.keySource {
        case .keyFile:
            master = try MasterKey.generate()
            try KeyFile.write(master, to: directory.appendingPathComponent(keyFileName).path)
            meta.append(("key_source", "file"))
        case .passphrase(let passphrase, let cost):
            let salt = try PassphraseKDF.makeSalt()
            let cost = cost.kdfCost
            master = try PassphraseKDF.deriveMasterKey(passphrase: passphrase, salt: salt, cost: cost)
            meta += [
                ("key_source", "passphrase"), ("kdf_salt", salt), ("kdf_ops", Int64(cost.operations)),
                ("kdf_mem", Int64(cost.memory)),
            ]
        }
        let indexKey = try IndexKey.generate()
        let signingSeed = try DataKey.generate()
        let clock = options.clock ?? SystemClock()
        let store: Store
        do {
            store = try Store(
                path: databasePath, durability: options.durability.storeDurability, migrations: VaultSchema.migrations)
            chmod(databasePath, 0o600)
            try store.write { db in
                meta += [
                    ("vault_id", vaultID), ("created_at", clock.now()), ("test_clock", options.testClock ? 1 : 0),
                    ("master_version", 1),
                    ("key_check", try keyCheck(master, version: 1, vaultID: vaultID)),
                    (
                        "wrapped_index_key",
                        try KeyWrap.wrap(
                            indexKey, under: master, context: Keyring.vaultKeyContext("ik", vaultID: vaultID))
                    ),
                    (
                        "wrapped_signing_seed",
                        try KeyWrap.wrap(
                            signingSeed, under: master, context: Keyring.vaultKeyContext("sk", vaultID: vaultID))
                    ),
                    // Published so that an independent verifier can check stored checkpoints.
                    ("signing_public_key", try SigningKey(seed: signingSeed).publicKey.bytes),
                ]
                for (key, value) in meta { try db.run("INSERT INTO meta (key, value) VALUES (?, ?)", [key, value]) }
            }
        } catch let error as StoreError {
            throw VaultError(.storage, "cannot create the vault database: \(error)")
        }
        let keyring = try Keyring(
            master: master, masterVersion: 1, vaultID: vaultID, indexKey: indexKey, signingSeed: signingSeed)
        return try Vault(
            directory: directory, store: store, keyring: keyring, clock: clock, acceptsTestClock: options.testClock,
            policy: options.policy, consentTexts: options.consentTexts, holidayCalendars: options.holidayCalendars)
    }

    // MARK: Open

    /// Opens an existing vault.
    /// - Throws: `VaultError` `.vaultMissing`, `.notADatabase`, `.keyFileMissing`, `.keyFileInsecure`,
    ///   `.keyFileInvalid`, `.wrongKey`, `.testClockRefused`. Opening never changes the vault.
    public static func open(at directory: URL, options: Options) throws -> Vault {
        let databasePath = directory.appendingPathComponent(databaseName).path
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw VaultError(.vaultMissing, "no vault in \(directory.path) (run `tresor init` first)")
        }
        let store: Store
        var meta: [String: DatabaseValue] = [:]
        do {
            store = try Store(
                path: databasePath, durability: options.durability.storeDurability, migrations: VaultSchema.migrations)
            try store.read { db in
                try db.forEachRow("SELECT key, value FROM meta") { meta[$0.text(0) ?? ""] = $0.value(1) }
            }
        } catch let error as StoreError {
            if error.isNotADatabase {
                throw VaultError(
                    .notADatabase, "\(databasePath) is not a Tresor vault database or is damaged (\(error.message))")
            }
            throw VaultError(.storage, "cannot open \(databasePath): \(error)")
        }
        guard case .blob(let vaultID)? = meta["vault_id"], case .blob(let check)? = meta["key_check"],
            case .integer(let masterVersion)? = meta["master_version"],
            case .blob(let wrappedIndex)? = meta["wrapped_index_key"],
            case .blob(let wrappedSigning)? = meta["wrapped_signing_seed"]
        else {
            throw VaultError(.notADatabase, "\(databasePath) is not a Tresor vault database (metadata missing)")
        }
        let acceptsTestClock = meta["test_clock"] == .integer(1)
        if options.clock != nil && !acceptsTestClock {
            throw VaultError(
                .testClockRefused,
                "this vault was not created with --test-clock, so it refuses an injected clock (TRESOR_NOW); audit times must not be forgeable"
            )
        }
        let master = try loadMaster(directory: directory, meta: meta, options: options, check: check, vaultID: vaultID)
        let indexKey: IndexKey
        let signingSeed: DataKey
        do {
            indexKey = try KeyWrap.unwrap(
                wrappedIndex, under: master, context: Keyring.vaultKeyContext("ik", vaultID: vaultID))
            signingSeed = try KeyWrap.unwrap(
                wrappedSigning, under: master, context: Keyring.vaultKeyContext("sk", vaultID: vaultID))
        } catch {
            throw VaultError(.integrity, "the vault's wrapped keys fail authentication: \(error)")
        }
        let keyring = try Keyring(
            master: master, masterVersion: UInt32(masterVersion), vaultID: vaultID, indexKey: indexKey,
            signingSeed: signingSeed)
        return try Vault(
            directory: directory, store: store, keyring: keyring, clock: options.clock ?? SystemClock(),
            acceptsTestClock: acceptsTestClock, policy: options.policy,
            consentTexts: options.consentTexts, holidayCalendars: options.holidayCalendars)
    }

    private static func loadMaster(
        directory: URL, meta: [String: DatabaseValue], options: Options, check: [UInt8], vaultID: [UInt8]
    ) throws -> MasterKey {
        let keyPath = directory.appendingPathComponent(keyFileName).path
        if meta["key_source"] == .text("passphrase") {
            guard case .passphrase(let passphrase, _) = options.keySource else {
                throw VaultError(.wrongKey, "this vault is protected by a passphrase; give it (TRESOR_PASSPHRASE)")
            }
            guard case .blob(let salt)? = meta["kdf_salt"], case .integer(let ops)? = meta["kdf_ops"],
                case .integer(let memory)? = meta["kdf_mem"]
            else { throw VaultError(.notADatabase, "the vault's passphrase parameters are missing") }
            let master = try PassphraseKDF.deriveMasterKey(
                passphrase: passphrase, salt: salt, cost: .init(operations: UInt64(ops), memory: Int(memory)))
            guard verifyKeyCheck(check, master: master, vaultID: vaultID) else {
                throw VaultError(.wrongKey, "wrong passphrase for this vault")
            }
            return master
        }
        // A master-key rotation writes `master.key.new` before it commits; finish it if needed.
        let pending = keyPath + ".new"
        if FileManager.default.fileExists(atPath: pending), let candidate = try? KeyFile.read(from: pending),
            verifyKeyCheck(check, master: candidate, vaultID: vaultID)
        {
            rename(pending, keyPath)
        }
        let master = try KeyFile.read(from: keyPath)
        guard verifyKeyCheck(check, master: master, vaultID: vaultID) else {
            throw VaultError(.wrongKey, "key file \(keyPath) does not belong to this vault")
        }
        return master
    }

    static let keyCheckPlaintext = Array("tresor key check v1".utf8)

    static func keyCheck(_ master: MasterKey, version: UInt32, vaultID: [UInt8]) throws -> [UInt8] {
        try AEAD.seal(keyCheckPlaintext, key: master, keyVersion: version, associatedData: vaultID)
    }

    static func verifyKeyCheck(_ check: [UInt8], master: MasterKey, vaultID: [UInt8]) -> Bool {
        (try? AEAD.open(check, key: master, associatedData: vaultID)) == keyCheckPlaintext
    }
}

@available(*, unavailable)
extension Vault: Sendable {}
