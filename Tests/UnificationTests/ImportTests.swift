import Foundation
import Policy
import SampleData
import Testing
import Unification
import Vault

/// Imports of generated data sets into a fresh vault.
@Suite struct ImportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func makeVault(_ directory: URL) throws -> Vault {
        let policy = try AccessPolicy.load(contentsOf: root.appendingPathComponent("Policies/default.json"))
        var options = Vault.Options(policy: policy)
        options.consentTexts = try ConsentTextLibrary.load(
            directory: root.appendingPathComponent("Policies/consent-texts"), knownPurposes: Set(policy.consentPurposes)
        )
        options.durability = .normal
        options.testClock = true
        options.clock = FixedClock(VaultTime.parse("2026-11-01T09:00:00Z")!)
        return try Vault.create(at: directory.appendingPathComponent("vault"), options: options)
    }

    static func workspace(people: Int, dirt: SampleDirtLevel, seed: UInt64 = 3) throws -> (URL, SampleDataSummary) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tresor-import-\(UUID().uuidString)")
        var options = SampleDataOptions(people: people, seed: seed, dirt: dirt)
        options.eventsPerPerson = 0.3
        let summary = try SampleDataGenerator.write(options: options, to: directory.appendingPathComponent("data"))
        return (directory, summary)
    }

    let importer = Actor(name: "unification", osUser: "test")

    @Test func resolutionMatchesTheGroundTruthOnRealisticData() throws {
        let (directory, data) = try Self.workspace(people: 400, dirt: .realistic)
        defer { try? FileManager.default.removeItem(at: directory) }
        let vault = try Self.makeVault(directory)
        let (summary, _) = try CustomerImporter(vault: vault, actor: importer).run(file: data.files.customers)
        #expect(summary.imported == data.customers)
        var predicted: [String: SubjectID] = [:]
        try vault.sourceLinks { source, record, subject in predicted["\(source),\(record)"] = subject }
        var truth: [String: String] = [:]
        for line in try String(contentsOf: data.files.truth, encoding: .utf8).split(separator: "\n").dropFirst() {
            let parts = line.split(separator: ",")
            truth["\(parts[0]),\(parts[1])"] = String(parts[2])
        }
        let keys = truth.keys.filter { predicted[$0] != nil }
        #expect(keys.count == data.customers)
        let score = PairwiseScore.compute(
            predicted: keys.map { predicted[$0]!.hashValue }, truth: keys.map { truth[$0]!.hashValue })
        #expect(score.precision >= 0.999, "precision \(score.precision)")
        #expect(score.recall >= 0.99, "recall \(score.recall)")
    }

    @Test func reRunningAnImportAddsNothing() throws {
        let (directory, data) = try Self.workspace(people: 120, dirt: .realistic)
        defer { try? FileManager.default.removeItem(at: directory) }
        let vault = try Self.makeVault(directory)
        _ = try CustomerImporter(vault: vault, actor: importer).run(file: data.files.customers)
        _ = try EventImporter(vault: vault, actor: importer).run(file: data.files.events)
        _ = try ConsentImporter(vault: vault, actor: importer).run(file: data.files.consents)
        let before = try vault.statistics()
        let (customers, _) = try CustomerImporter(vault: vault, actor: importer).run(file: data.files.customers)
        let (events, _) = try EventImporter(vault: vault, actor: importer).run(file: data.files.events)
        let (consents, _) = try ConsentImporter(vault: vault, actor: importer).run(file: data.files.consents)
        let after = try vault.statistics()
        #expect(customers.imported == 0 && customers.alreadyImported == data.customers)
        #expect(events.imported == 0 && events.alreadyImported > 0)
        #expect(consents.imported == 0 && consents.alreadyImported > 0)
        #expect(
            after.subjects == before.subjects && after.events == before.events
                && after.fieldValues == before.fieldValues)
        #expect(try vault.verifyConsentLedger().entries == Int64(try countConsents(vault)))
    }

    func countConsents(_ vault: Vault) throws -> Int { Int(try vault.verifyConsentLedger().entries) }

    @Test func theConsentRejectReportIsInLineOrderWhateverTheBatchSize() throws {
        let (directory, data) = try Self.workspace(people: 250, dirt: .hostile)
        defer { try? FileManager.default.removeItem(at: directory) }
        var reports: [RejectReport] = []
        for (index, batchSize) in [7, 50_000].enumerated() {
            let vault = try Self.makeVault(directory.appendingPathComponent("v\(index)"))
            _ = try CustomerImporter(vault: vault, actor: importer).run(file: data.files.customers)
            var consents = ConsentImporter(vault: vault, actor: importer)
            consents.batchSize = batchSize
            reports.append(try consents.run(file: data.files.consents).1)
        }
        // Both kinds occur: the ledger's refusals (minors without a guardian), known only when a
        // batch is written, and the importer's own (no such customer), known as the line is read.
        #expect(reports[0].entries.contains { $0.field == nil })
        #expect(reports[0].entries.contains { $0.field != nil })
        // The same rejects in the same order (the ledger's messages name each vault's random ids).
        let keys = reports.map { $0.entries.map { "\($0.line) \($0.field ?? "-") \($0.reason)" } }
        #expect(keys[0] == keys[1])
        #expect(zip(reports[1].entries, reports[1].entries.dropFirst()).allSatisfy { $0.line <= $1.line })
    }

    @Test func hostileInputNeverCrashesAndRejectsNameLineFieldButNoValue() throws {
        let (directory, data) = try Self.workspace(people: 250, dirt: .hostile)
        defer { try? FileManager.default.removeItem(at: directory) }
        let vault = try Self.makeVault(directory)
        let (customers, customerRejects) = try CustomerImporter(vault: vault, actor: importer).run(
            file: data.files.customers)
        let (events, eventRejects) = try EventImporter(vault: vault, actor: importer).run(file: data.files.events)
        #expect(customers.imported > 0 && events.imported > 0)
        #expect(!customerRejects.isEmpty && !eventRejects.isEmpty)
        #expect(customerRejects.entries.allSatisfy { $0.line > 0 && !$0.reason.isEmpty })
        #expect(
            customerRejects.countsByReason.keys.contains {
                $0.hasPrefix("invalid_") || $0 == "field_too_long" || $0 == "control_character"
            })
        // The report names files, lines, fields and reasons — never a value from the input.
        let text = customerRejects.csvText + eventRejects.csvText
        let csv = try String(contentsOf: data.files.customers, encoding: .utf8)
        let emails = csv.split(whereSeparator: { ",\n\r\"".contains($0) }).filter { $0.contains("@") }.map(String.init)
        #expect(!emails.isEmpty)
        #expect(emails.filter { text.contains($0) }.isEmpty)
        #expect(try vault.verifyAudit().isValid)
    }

    @Test func aSharedHouseholdEmailNeverMergesTwoCustomers() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tresor-household-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let csv = """
            source,source_record_id,external_id,email,phone,first_name,last_name,country
            crm,r1,C1,family@example.org,,Anna,Smith,DE
            crm,r2,C2,family@example.org,,Ben,Smith,DE
            web,r3,,family@example.org,+49 30 1234567,Ben,Smith,DE
            web,r4,,anna.only@example.org,,Anna,Smith,DE
            pos,r5,C1,anna.only@example.org,,Anna,Smith,DE

            """
        let file = directory.appendingPathComponent("customers.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let vault = try Self.makeVault(directory)
        _ = try CustomerImporter(vault: vault, actor: importer).run(file: file)
        var subjects: [String: SubjectID] = [:]
        try vault.sourceLinks { _, record, subject in subjects[record] = subject }
        #expect(subjects["r1"] != subjects["r2"])
        #expect(subjects["r4"] == subjects["r1"])  // unique e-mail joins the record without an external id
        #expect(subjects["r5"] == subjects["r1"])
        #expect(subjects["r3"] != subjects["r1"] && subjects["r3"] != subjects["r2"])  // the shared e-mail alone links nothing
    }
}

extension ImportTests {
    @Test func aLaterImportMergesExistingSubjectsAndTheMergeCanBeUndone() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tresor-merge-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let first = directory.appendingPathComponent("first.csv")
        let second = directory.appendingPathComponent("second.csv")
        try
            "source,source_record_id,external_id,email,first_name,country\ncrm,a1,C9,,Olga,PL\nweb,b1,,olga.k@example.org,Olga,PL\n"
            .write(to: first, atomically: true, encoding: .utf8)
        try "source,source_record_id,external_id,email,first_name,country\npos,c1,C9,olga.k@example.org,Olga,PL\n"
            .write(to: second, atomically: true, encoding: .utf8)
        let vault = try Self.makeVault(directory)
        _ = try CustomerImporter(vault: vault, actor: importer).run(file: first)
        #expect(try vault.statistics().subjects == 2)
        let (summary, _) = try CustomerImporter(vault: vault, actor: importer).run(file: second)
        #expect(summary.mergesApplied == 1)
        #expect(try vault.statistics().subjects == 1)
        var links: [String: SubjectID] = [:]
        try vault.sourceLinks { _, record, subject in links[record] = subject }
        #expect(Set(links.values).count == 1)
        let merge = try #require(try vault.merges().first)
        try vault.unmerge(merge.id, as: importer)
        #expect(try vault.statistics().subjects == 2)
        links = [:]
        try vault.sourceLinks { _, record, subject in links[record] = subject }
        #expect(links["a1"] != links["b1"])
    }
}
