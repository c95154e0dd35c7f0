import Foundation
import Policy
import TresorCLI
import Vault

/// What scenarios share: the sizes, the bench policy, a scratch folder, progress output, and the
/// main vault and its plaintext copy (built once, on first use).
final class BenchContext {
    let configuration: BenchConfiguration
    let sizes: BenchSizes
    /// The default policy plus the bench's extra fields (20 fields per profile).
    let policy: AccessPolicy
    /// This run's scratch folder (removed at the end unless `--keep-work`).
    let workDirectory: URL
    private let progress: any OutputSink
    private let started = ContinuousClock.now
    private var cachedFixture: MainVaultFixture?
    private var cachedPlaintextCopy: PlaintextProfileCopy?
    private var cachedCorpus: PropertiesCorpus?
    /// Set once `audit-append` has filled the main vault's log.
    var auditLogFilled = false
    /// How the main vault was built (for the record), once it is.
    private(set) var fixtureInfo: [String: String] = [:]

    init(configuration: BenchConfiguration, policy: AccessPolicy, workDirectory: URL, progress: any OutputSink) {
        self.configuration = configuration
        self.sizes = configuration.sizes
        self.policy = policy
        self.workDirectory = workDirectory
        self.progress = progress
    }

    /// Who the bench acts as: a policy actor, with `bench` as the operating-system user.
    func actor(_ name: String) -> Actor { Actor(name: name, osUser: "tresor-bench") }

    /// Prints a progress line on standard error, with the time since the start.
    func log(_ message: String) {
        let elapsed = (ContinuousClock.now - started).seconds
        progress.writeLine("[\(NumberText.fixed(elapsed, digits: 1))s] \(message)")
    }

    /// A fresh folder for a scenario's own vaults.
    func scratchDirectory(_ name: String) throws -> URL {
        let url = workDirectory.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Deletes a scratch folder made by `scratchDirectory(_:)` once its vaults are closed.
    func discardScratch(_ name: String) {
        try? FileManager.default.removeItem(at: workDirectory.appendingPathComponent(name))
    }

    /// The main vault: `sizes.subjects` subjects with 20 encrypted fields and 3 identities each.
    func fixture() throws -> MainVaultFixture {
        if let cachedFixture { return cachedFixture }
        log(
            "building the main vault: \(NumberText.grouped(sizes.subjects)) subjects × \(ProfileFields.names.count) fields"
        )
        let start = ContinuousClock.now
        let fixture = try MainVaultFixture.build(in: workDirectory.appendingPathComponent("main-vault"), context: self)
        let seconds = (ContinuousClock.now - start).seconds
        fixtureInfo = [
            "subjects": String(fixture.subjects.count), "fields_per_subject": String(ProfileFields.names.count),
            "build_seconds": NumberText.fixed(seconds, digits: 2),
            "field_writes_per_second": NumberText.fixed(
                Double(fixture.subjects.count * ProfileFields.names.count) / seconds, digits: 0),
        ]
        log("main vault built in \(NumberText.fixed(seconds, digits: 1)) s")
        cachedFixture = fixture
        return fixture
    }

    /// The plaintext copy of the main vault's profiles (the bulk-scan baseline).
    func plaintextCopy() throws -> PlaintextProfileCopy {
        if let cachedPlaintextCopy { return cachedPlaintextCopy }
        let fixture = try fixture()
        log("building the plaintext copy of the profiles")
        let copy = try PlaintextProfileCopy.build(
            at: workDirectory.appendingPathComponent("plaintext-profiles.sqlite"), from: fixture)
        cachedPlaintextCopy = copy
        return copy
    }

    /// The event properties: Segment-spec templates, or those of `--dataset`.
    func propertiesCorpus() throws -> PropertiesCorpus {
        if let cachedCorpus { return cachedCorpus }
        let corpus: PropertiesCorpus
        if let dataset = configuration.datasetDirectory {
            corpus = try PropertiesCorpus.load(fromEvents: dataset.appendingPathComponent("events.ndjson"))
        } else {
            corpus = PropertiesCorpus.segmentTemplates()
        }
        cachedCorpus = corpus
        return corpus
    }
}

@available(*, unavailable)
extension BenchContext: Sendable {}
