import Foundation
import Policy
import Testing
import Vault

@testable import TresorCLI

/// Runs the built `tresor` binary as a user would.
@Suite(.serialized) struct EndToEndTests {
    static var binary: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("tresor")
    }

    static let policies = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Policies").path

    struct Run {
        let code: Int32
        let stdout: String
        let stderr: String
    }

    static func tresor(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws
        -> Run
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TRESOR_VAULT")
        env.removeValue(forKey: "TRESOR_NOW")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            code: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporary() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func demoRunsToTheEndWithAVerifiedAuditLogAndCanRunAgain() throws {
        let directory = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("demo").path
        for _ in 0..<2 {
            let run = try Self.tresor(
                ["demo", "--people", "150", "--out", out], environment: ["TRESOR_POLICIES": Self.policies],
                in: directory.deletingLastPathComponent())
            #expect(run.code == 0, "\(run.stderr)")
            #expect(run.stdout.contains("audit log: OK"))
            #expect(run.stdout.contains("Destruction record D-"))
        }
        let verify = try Self.tresor(["audit", "verify", "--vault", out + "/vault", "--as", "auditor"])
        #expect(verify.code == 0)
        for file in ["audit-report.html", "audit-checkpoint.json"] {
            #expect(FileManager.default.fileExists(atPath: out + "/reports/" + file))
        }
    }

    @Test func usageErrorExits64AndNamesTheArgument() throws {
        let unknown = try Self.tresor(["request", "list", "--overdoo"])
        #expect(unknown.code == 64)
        #expect(unknown.stderr.contains("--overdoo"))
        let missing = try Self.tresor([
            "consent", "grant", "--subject", String(repeating: "a", count: 32), "--text", "x",
        ])
        #expect(missing.code == 64)
        #expect(missing.stderr.contains("--purpose"))
    }

    @Test func damagedDatabaseIsAClearErrorNotACrash() throws {
        let directory = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let vault = directory.appendingPathComponent("v").path
        #expect(try Self.tresor(["init", "--vault", vault, "--policies", Self.policies]).code == 0)
        let database = vault + "/vault.sqlite"
        // Truncated to half a page, then garbage: both are refused with exit 1 and a message.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: database))
        try bytes.prefix(100).write(to: URL(fileURLWithPath: database))
        let truncated = try Self.tresor(["audit", "verify", "--vault", vault])
        #expect(truncated.code == 1)
        #expect(truncated.stderr.contains("not a Tresor vault database") || truncated.stderr.contains("damaged"))
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: database))
        let garbage = try Self.tresor(["audit", "verify", "--vault", vault])
        #expect(garbage.code == 1)
        #expect(garbage.stderr.contains("error:"))
    }

    @Test func missingKeyFileIsAClearError() throws {
        let directory = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let vault = directory.appendingPathComponent("v").path
        #expect(try Self.tresor(["init", "--vault", vault, "--policies", Self.policies]).code == 0)
        try FileManager.default.removeItem(atPath: vault + "/master.key")
        let run = try Self.tresor(["audit", "verify", "--vault", vault])
        #expect(run.code == 1)
        #expect(run.stderr.contains("master.key is missing"))
    }

    @Test func testClockIsRefusedByAnOrdinaryVault() throws {
        let directory = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let vault = directory.appendingPathComponent("v").path
        #expect(try Self.tresor(["init", "--vault", vault, "--policies", Self.policies]).code == 0)
        let run = try Self.tresor(
            ["audit", "verify", "--vault", vault], environment: ["TRESOR_NOW": "2030-01-01T00:00:00Z"])
        #expect(run.code != 0)
        #expect(run.stderr.contains("test-clock"))
    }

    @Test func aWithdrawalByAnotherProcessStopsTheNextCheckOfAConsentCheckRun() throws {
        let directory = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let vault = directory.appendingPathComponent("v").path
        #expect(try Self.tresor(["init", "--vault", vault, "--policies", Self.policies]).code == 0)
        let csv = directory.appendingPathComponent("c.csv")
        try "customer_id,email,country\nC-1,check.person@example.org,DE\n".write(
            to: csv, atomically: true, encoding: .utf8)
        let consent = [
            "--external-id", "C-1", "--purpose", "marketing.email", "--text", "gdpr-en-v1", "--vault", vault,
        ]
        #expect(try Self.tresor(["import", "customers", csv.path, "--source", "crm", "--vault", vault]).code == 0)
        #expect(try Self.tresor(["consent", "grant"] + consent).code == 0)
        let links = try Self.tresor(["profile", "links", "--json", "--vault", vault])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(links.stdout.utf8)) as? [[String: Any]])
        let hex = try #require(rows.first?["subject"] as? String)
        let subject = try #require(SubjectID(hex: hex))
        // This process holds a run of checks open while `tresor consent withdraw` runs in another.
        let url = URL(fileURLWithPath: vault)
        let policy = try PolicyFiles.loadPolicy(from: url)
        var options = Vault.Options(policy: policy)
        options.consentTexts = try PolicyFiles.loadConsentTexts(from: url, policy: policy)
        let opened = try Vault.open(at: url, options: options)
        try opened.withConsentChecks { checker in
            #expect(try checker.status(of: subject, purpose: "marketing.email") == .granted)
            #expect(try checker.status(of: subject, purpose: "marketing.email") == .granted)
            let withdrawn = try Self.tresor(["consent", "withdraw"] + consent)
            #expect(withdrawn.code == 0, "\(withdrawn.stderr)")
            #expect(try checker.status(of: subject, purpose: "marketing.email") == .withdrawn)
        }
    }

    @Test func aTCStringBecomesLedgerRecordsWithItsEvidence() throws {
        let directory = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let vault = directory.appendingPathComponent("v").path
        #expect(try Self.tresor(["init", "--vault", vault, "--policies", Self.policies]).code == 0)
        let csv = directory.appendingPathComponent("c.csv")
        try "customer_id,email,country\nC-1,tcf.person@example.org,DE\n".write(
            to: csv, atomically: true, encoding: .utf8)
        let imported = try Self.tresor(
            ["import", "customers", csv.path, "--source", "crm", "--vault", vault, "--as", "admin"])
        #expect(imported.code == 0, "\(imported.stderr)")
        // The service-specific example string of the IAB TCF v2 specification (see TCFOfficialStringTests).
        let tcString =
            "CLcVDxRMWfGmWAVAHCENAXCkAKDAADnAABRgA5mdfCKZuYJez-NQm0TBMYA4oCAAGQYIAAAAAAEAIAEgAA.argAC0gAAAAAAAAAAAA"
        let run = try Self.tresor([
            "consent", "tcf", "--external-id", "C-1", "--tc-string", tcString, "--text", "gdpr-en-cmp-v1",
            "--vault", vault, "--json",
        ])
        #expect(run.code == 0, "\(run.stderr)")
        let records = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(records.map { $0["purpose"] as? String } == ["analytics", "personalization", "profiling"])
        #expect(records.allSatisfy { ($0["source"] as? String) == "cmp" })
        #expect(records.allSatisfy { (($0["evidence"] as? String) ?? "").hasPrefix("tcf cmp=") })
        #expect(!run.stdout.contains(tcString))
        let bad = try Self.tresor([
            "consent", "tcf", "--external-id", "C-1", "--tc-string", "not!a+tc", "--text", "gdpr-en-cmp-v1",
            "--vault", vault,
        ])
        #expect(bad.code != 0)
        #expect(bad.stderr.contains("--tc-string"))
        #expect(!bad.stderr.contains("not!a+tc"))
    }
}
