import Foundation
import Normalization
import Policy
import SampleData
import Vault

/// The main vault every read scenario uses: `sizes.subjects` subjects, each with the 20 fields of
/// `ProfileFields` (from SampleData persons) and its email, phone and external id linked.
/// Built with `normal` durability in transactions of `subjectsPerTransaction` subjects.
final class MainVaultFixture {
    /// The vault's folder.
    let directory: URL
    /// The subjects, in creation order.
    let subjects: [SubjectID]
    /// The generated persons the subjects cycle through.
    let people: [SamplePerson]
    private let policy: AccessPolicy

    private init(directory: URL, subjects: [SubjectID], people: [SamplePerson], policy: AccessPolicy) {
        self.directory = directory
        self.subjects = subjects
        self.people = people
        self.policy = policy
    }

    /// The vault's database file.
    var databasePath: String { directory.appendingPathComponent("vault.sqlite").path }

    /// Opens the vault with `durability` (a new `Vault`: its own connections and key cache).
    func open(durability: VaultDurability) throws -> Vault {
        var options = Vault.Options(policy: policy)
        options.durability = durability
        return try Vault.open(at: directory, options: options)
    }

    /// The field values of subject number `index`.
    func values(ofSubjectAt index: Int) -> [(name: String, value: FieldValue)] {
        ProfileFields.values(of: people[index % people.count], index: index)
    }

    /// Creates the vault in `directory` and fills it.
    static func build(in directory: URL, context: BenchContext) throws -> MainVaultFixture {
        let sizes = context.sizes
        try? FileManager.default.removeItem(at: directory)
        let people = SampleDataGenerator.people(
            options: SampleDataOptions(people: sizes.personPool, eventsPerPerson: 0))
        guard !people.isEmpty else { throw BenchError("SampleData generated no person") }
        var options = Vault.Options(policy: context.policy)
        options.durability = .normal
        let vault = try Vault.create(at: directory, options: options)
        var subjects: [SubjectID] = []
        subjects.reserveCapacity(sizes.subjects)
        var next = 0
        while next < sizes.subjects {
            let range = next..<min(sizes.subjects, next + sizes.subjectsPerTransaction)
            let created = try vault.write(as: context.actor("unification"), purpose: "unification", action: "import") {
                writer in
                try range.map { index in
                    let person = people[index % people.count]
                    return try writeProfile(
                        person: person, values: ProfileFields.values(of: person, index: index), writer: writer)
                }
            }
            subjects += created
            next = range.upperBound
            if next % 100_000 == 0 { context.log("  \(NumberText.grouped(next)) subjects") }
        }
        return MainVaultFixture(directory: directory, subjects: subjects, people: people, policy: context.policy)
    }

    /// Creates one subject with its fields and identities inside `writer`'s transaction.
    static func writeProfile(person: SamplePerson, values: [(name: String, value: FieldValue)], writer: VaultWriter)
        throws -> SubjectID
    {
        let subject = try writer.createSubject(jurisdiction: person.jurisdiction.rawValue)
        for (name, value) in values { try writer.setField(name, of: subject, to: value, source: "crm") }
        try writer.link(.email, normalized: person.email, to: subject)
        try writer.link(.phone, normalized: person.phone, to: subject)
        if let external = person.externalId { try writer.link(.externalID, normalized: external, to: subject) }
        return subject
    }
}

@available(*, unavailable)
extension MainVaultFixture: Sendable {}
