import Foundation
import Policy
import SampleData
import Testing
import Unification
import Vault

/// A customer import gives the same result whatever its batch size: pass 2 reuses the
/// identifiers pass 1 normalised, the first batch into an empty vault looks no source record up,
/// and later batches do.
@Suite struct CustomerBatchTests {
    let importer = Actor(name: "unification", osUser: "test")

    /// What an import left, without ids: counts, rejects and the shape of the resolution.
    struct Outcome: Equatable {
        var summary: [Int]
        var rejects: [String]
        /// Subjects, field values and identities (audit entries differ: one per batch).
        var statistics: [Int]
        /// For each subject, how many source records resolved to it, sorted.
        var recordsPerSubject: [Int]
    }

    func importCustomers(_ file: URL, batchSize: Int, into directory: URL) throws -> Outcome {
        let vault = try ImportTests.makeVault(directory)
        var options = CustomerImporter.Options()
        options.batchSize = batchSize
        let (summary, report) = try CustomerImporter(vault: vault, actor: importer).run(file: file, options: options)
        var perSubject: [SubjectID: Int] = [:]
        try vault.sourceLinks { _, _, subject in perSubject[subject, default: 0] += 1 }
        return Outcome(
            summary: [
                summary.read, summary.imported, summary.alreadyImported, summary.rejected, summary.fieldsDropped,
                summary.subjectsCreated,
            ],
            rejects: report.entries.map { "\($0.line) \($0.field ?? "-") \($0.reason)" },
            statistics: try vault.statistics().counts, recordsPerSubject: perSubject.values.sorted())
    }

    @Test(arguments: [SampleDirtLevel.realistic, .hostile])
    func smallBatchesGiveWhatOneBatchGives(dirt: SampleDirtLevel) throws {
        let (directory, data) = try ImportTests.workspace(people: 200, dirt: dirt)
        defer { try? FileManager.default.removeItem(at: directory) }
        let whole = try importCustomers(
            data.files.customers, batchSize: 100_000, into: directory.appendingPathComponent("whole"))
        let small = try importCustomers(
            data.files.customers, batchSize: 7, into: directory.appendingPathComponent("small"))
        #expect(whole.summary[1] > 0)
        #expect(small == whole)
    }

    @Test func aRecordRepeatedInALaterBatchIsAlreadyImportedAndBadIdentifiersAreStillReported() throws {
        try withCustomerFile([
            "source,source_record_id,external_id,email,phone,first_name,country",
            "crm,r1,C1,ann@example.com,,Ann,DE",
            "crm,r2,C2,bob@example.com,,Bob,DE",
            "crm,r3,C3,not-an-email,,Cid,DE",
            "crm,r4,,,,Dee,DE",
            "crm,r5,C5,eve@example.com,+49 30 1234567,Eve,DE",
            "crm,r2,C2,bob@example.com,,Bob,DE",
        ]) { file, directory in
            for batchSize in [2, 100] {
                let outcome = try importCustomers(
                    file, batchSize: batchSize, into: directory.appendingPathComponent("v\(batchSize)"))
                // read, imported, already imported, rejected, fields dropped, subjects created
                #expect(outcome.summary == [6, 4, 1, 1, 1, 4])
                #expect(outcome.rejects.contains { $0.hasPrefix("4 email invalid_email") })
                #expect(outcome.rejects.contains { $0.hasPrefix("5 - ") })
                #expect(outcome.statistics == [4, 16, 8])
            }
        }
    }

    /// Source record ids compare byte for byte, in a batch as in the store (SQLite's `BINARY`
    /// collation): two ids that differ only in Unicode normalisation are two records, whether
    /// they share a batch or not.
    @Test func recordIdsInDifferentUnicodeFormsAreTwoRecordsInAnyBatch() throws {
        try withCustomerFile([
            "source,source_record_id,external_id,first_name,country",
            "crm,r\u{E9},C1,Ann,DE",
            "crm,re\u{301},C2,Bob,DE",
            "crm,r\u{E9},C1,Ann,DE",
        ]) { file, directory in
            for batchSize in [1, 100] {
                let outcome = try importCustomers(
                    file, batchSize: batchSize, into: directory.appendingPathComponent("v\(batchSize)"))
                // read, imported, already imported, rejected, fields dropped, subjects created
                #expect(outcome.summary == [3, 2, 1, 0, 0, 2], "batch size \(batchSize)")
            }
        }
    }

    /// A file cut short while pass 2 reads it stops the import with an error naming the file,
    /// keeps the batches committed before, rolls back the batch being written, and a run on the
    /// whole file afterwards imports the rest, each record once.
    @Test func aFileCutShortDuringTheImportStopsItCleanlyAndARerunCompletesIt() throws {
        // Longer than the reader's 1 MiB chunk, so that pass 2 reads past the cut.
        let lines =
            ["source,source_record_id,external_id,city,country"]
            + (0..<20_000).map { "crm,r\($0),C\($0),A city with a rather long name \($0 % 50),DE" }
        try withCustomerFile(lines) { file, directory in
            let whole = try Data(contentsOf: file)
            #expect(whole.count > 1 << 20)
            let vault = try ImportTests.makeVault(directory.appendingPathComponent("v"))
            var options = CustomerImporter.Options()
            options.batchSize = 1_000
            var batches = 0
            do {
                _ = try CustomerImporter(vault: vault, actor: importer).run(file: file, options: options) { _ in
                    batches += 1
                    guard batches == 1 else { return }
                    let handle = try? FileHandle(forWritingTo: file)
                    try? handle?.truncate(atOffset: 500_000)
                    try? handle?.close()
                }
                Issue.record("an import of a file cut short did not fail")
            } catch let error as UnificationError {
                #expect(error.code == .cannotRead)
                #expect(error.description.contains("customers.csv"))
            }
            // Only whole batches were committed before the error.
            let committed = try vault.statistics().subjects
            #expect(committed > 0 && committed < 20_000 && committed % 1_000 == 0)
            try whole.write(to: file)
            let (summary, _) = try CustomerImporter(vault: vault, actor: importer).run(file: file, options: options)
            #expect(summary.alreadyImported == committed)
            #expect(summary.imported == 20_000 - committed)
            #expect(try vault.statistics().subjects == 20_000)
        }
    }

    /// Calls `body` with a customer file of `lines` in a scratch folder, removed afterwards.
    func withCustomerFile(_ lines: [String], _ body: (_ file: URL, _ directory: URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tresor-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("customers.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        try body(file, directory)
    }
}

extension VaultStatistics {
    fileprivate var counts: [Int] { [subjects, fieldValues, identities] }
}
