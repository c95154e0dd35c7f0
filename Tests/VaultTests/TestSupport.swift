import Foundation
import Normalization
import Policy
import VaultStore

@testable import Vault

/// A vault in a fresh temporary folder; `remove()` deletes it.
struct TemporaryVault {
    let directory: URL
    let vault: Vault

    init(
        clock: (any VaultClock)? = FixedClock(1_790_000_000_000), durability: VaultDurability = .normal,
        consentTexts: (any ConsentTextCatalog)? = nil, holidays: [String: HolidayCalendar] = [:]
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-vault-\(UUID().uuidString)")
        var options = Vault.Options(policy: testPolicy)
        options.clock = clock
        options.testClock = clock != nil
        options.durability = durability
        options.consentTexts = consentTexts
        options.holidayCalendars = holidays
        vault = try Vault.create(at: directory, options: options)
    }

    var databasePath: String { directory.appendingPathComponent("vault.sqlite").path }

    /// The raw bytes of the database file, its WAL and its shm, concatenated.
    func rawBytes() throws -> [UInt8] {
        var bytes: [UInt8] = []
        for suffix in ["", "-wal", "-shm"] {
            if let data = FileManager.default.contents(atPath: databasePath + suffix) { bytes += [UInt8](data) }
        }
        return bytes
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

let testActor = Actor(name: "unification", osUser: "test")

/// A small deterministic person for vault tests.
struct TestPerson {
    let firstName: String
    let lastName: String
    let email: String
    let phone: String

    static func make(_ index: Int) -> TestPerson {
        let cyrillic = ["Алексей", "Мария", "Пётр", "Наталья", "Юлия", "Фёдор"]
        let latin = ["Seán", "Chloé", "Jürgen", "Łukasz", "Siobhán", "Núria"]
        let lastCyrillic = ["Иванов", "Смирнова", "Римский-Корсаков", "Алексеева"]
        let lastLatin = ["O'Brien", "Groß-Hartmann", "Wiśniewska", "Lefèvre"]
        let useCyrillic = index % 2 == 0
        let first = (useCyrillic ? cyrillic : latin)[index % 6] + "\(index)"
        let last = (useCyrillic ? lastCyrillic : lastLatin)[index % 4] + "x\(index)"
        return TestPerson(
            firstName: first, lastName: last, email: "person.\(index).mail@example-\(index % 7).org",
            phone: "+7912\(String(format: "%07d", 1_234_000 + index))")
    }
}

/// How many of `secrets` occur in `raw` (a count, so a failure never prints the bytes).
func leaks(_ secrets: [[UInt8]], in raw: [UInt8]) -> Int {
    let haystack = Data(raw)
    return secrets.filter { !$0.isEmpty && haystack.range(of: Data($0)) != nil }.count
}

/// The shipped default policy (Policies/default.json), loaded once.
let testPolicy: AccessPolicy = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Policies/default.json")
    do {
        return try AccessPolicy.load(contentsOf: url)
    } catch {
        fatalError("the default policy does not load: \(error)")
    }
}()

/// The stored (sealed) field values of `subject`, in the profile's order, read past the vault's API.
func storedProfile(of subject: SubjectID, in vault: Vault) throws -> StoredProfile {
    try vault.store.read { db in try StoredProfile.load(subject, in: db) }
}

/// The sealed value stored for `field` of `subject` (empty when none).
func storedSealedValue(_ field: String, of subject: SubjectID, in vault: Vault) throws -> [UInt8] {
    try storedProfile(of: subject, in: vault).entry(named: field)?.sealed ?? []
}

/// Replaces the sealed value stored for `field` of `subject` past the vault's API (tampering).
func replaceSealedValue(_ field: String, of subject: SubjectID, with sealed: [UInt8], in vault: Vault) throws {
    try vault.store.write { db in
        var profile = try StoredProfile.load(subject, in: db)
        let found = profile.update(field) { $0.sealed = sealed }
        guard found else { throw VaultError(.invalidArgument, "no stored \(field)") }
        try profile.save(for: subject, in: db)
    }
}
