import Foundation
import Vault

extension Tresor {
    /// `tresor audit`: verify, query, checkpoint and report on the audit log.
    enum Audit: Command {
        static let configuration = CommandConfiguration(
            name: "audit", abstract: "Verify, query, checkpoint and report on the tamper-evident audit log.",
            subcommands: [Verify.self, Query.self, Checkpoint.self, Report.self])

        struct Verify: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "verify",
                abstract: "Verify the audit log and the consent ledger; name the first bad sequence number.",
                discussion: "With --checkpoint, a log cut after the checkpoint's entry is detected too.")
            static let arguments: [ArgumentSpec] = [
                .option("checkpoint", valueName: "file", help: "An exported audit checkpoint to verify against."),
                .option("consent-checkpoint", valueName: "file", help: "An exported consent-ledger checkpoint."),
            ]
            let checkpoint: String?
            let consentCheckpoint: String?
            init(_ arguments: ParsedArguments) throws {
                checkpoint = arguments.optionalString("checkpoint")
                consentCheckpoint = arguments.optionalString("consent-checkpoint")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context)
                let progress = Progress(context)
                let exported = try checkpoint.map { try AuditCheckpoint.load(from: URL(fileURLWithPath: $0)) }
                let audit = try session.vault.verifyAudit(against: exported) {
                    progress.update("verified \($0) entries")
                }
                let consent = try session.vault.verifyConsentLedger(
                    against: try consentCheckpoint.map { try AuditCheckpoint.load(from: URL(fileURLWithPath: $0)) })
                progress.finish()
                try session.vault.recordOperation(
                    as: session.actor, purpose: "audit", action: "audit-verify",
                    reason: audit.isValid && consent.isValid ? "valid" : "INVALID")
                if context.globals.json {
                    try Output.json(["audit": audit, "consentLedger": consent], to: context)
                } else {
                    for (name, result) in [("audit log", audit), ("consent ledger", consent)] {
                        if result.isValid {
                            context.stdout.writeLine(
                                "\(name): OK — \(result.entries) entries, \(result.checkpointsVerified) signed checkpoints verified, head \(result.headHash.prefix(16))…"
                            )
                        } else {
                            context.stdout.writeLine(
                                "\(name): INVALID at sequence \(result.firstBadSequence ?? 0): \(result.problem ?? "")")
                        }
                    }
                }
                return audit.isValid && consent.isValid ? .success : .failure
            }
        }

        struct Query: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "query",
                abstract: "List audit entries by subject, actor, role, purpose, action, decision and time.")
            static let arguments: [ArgumentSpec] = [
                .option("subject", valueName: "id", help: "Entries that touched this subject id."),
                .option("actor", valueName: "name", help: "Only this actor."),
                .option("role", valueName: "kind", help: "Only this actor kind (role or module)."),
                .option("purpose", valueName: "purpose", help: "Only this purpose."),
                .option("action", valueName: "action", help: "Only this action (read, scan, write, erase...)."),
                .option("decision", valueName: "decision", help: "allowed, partial or denied."),
                .option("from", valueName: "time", help: "From this ISO 8601 time (inclusive)."),
                .option("until", valueName: "time", help: "Until this ISO 8601 time (exclusive)."),
                .option("limit", valueName: "n", help: "At most the newest n entries.", default: "100"),
            ]
            var filter = AuditFilter()
            init(_ arguments: ParsedArguments) throws {
                if let text = arguments.optionalString("subject") {
                    guard let id = SubjectID(hex: text) else { throw UsageError("--subject must be 32 hex digits") }
                    filter.subject = id
                }
                filter.actor = arguments.optionalString("actor")
                filter.role = arguments.optionalString("role")
                filter.purpose = arguments.optionalString("purpose")
                filter.action = arguments.optionalString("action")
                filter.decision = arguments.optionalString("decision")
                filter.from = try arguments.optionalTime("from")
                filter.until = try arguments.optionalTime("until")
                filter.limit = try arguments.int("limit")
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context)
                let entries = try session.vault.auditEntries(matching: filter)
                try session.vault.recordOperation(
                    as: session.actor, purpose: "audit", action: "audit-query",
                    reason: "\(entries.count) entries listed")
                if context.globals.json {
                    try Output.json(entries.map(AuditEntryView.init), to: context)
                } else {
                    Output.table(
                        [
                            "SEQ", "TIME", "ACTOR", "ROLE", "OS USER", "PURPOSE", "ACTION", "SUBJECTS", "DECISION",
                            "REASON",
                        ],
                        entries.map {
                            [
                                String($0.seq), Output.time($0.at), $0.actor, $0.role, $0.osUser, $0.purpose, $0.action,
                                String($0.subjectCount), $0.decision, String($0.reason.prefix(80)),
                            ]
                        }, to: context)
                }
                return .success
            }
        }

        struct Checkpoint: RunnableCommand {
            static let configuration = CommandConfiguration(
                name: "checkpoint",
                abstract: "Sign a checkpoint of the log's head and export it for an auditor to keep.")
            static let arguments: [ArgumentSpec] = [
                .option("out", valueName: "file", help: "Where to write the checkpoint (JSON).", required: true),
                .option("log", valueName: "log", help: "audit or consent.", default: "audit"),
            ]
            let out: String
            let log: String
            init(_ arguments: ParsedArguments) throws {
                out = try arguments.string("out")
                log = try arguments.string("log")
                guard ["audit", "consent"].contains(log) else {
                    throw UsageError(.invalidValue(option: "--log", expected: "audit or consent"))
                }
            }

            func run(_ context: CommandContext) throws -> ExitCode {
                let session = try VaultSession.open(context)
                let checkpoint =
                    log == "audit"
                    ? try session.vault.makeAuditCheckpoint(as: session.actor)
                    : try session.vault.makeConsentCheckpoint(as: session.actor)
                try checkpoint.write(to: URL(fileURLWithPath: out))
                if context.globals.json {
                    try Output.json(checkpoint, to: context)
                } else {
                    context.stdout.writeLine(
                        "Checkpoint of \(log) entry \(checkpoint.seq) written to \(out) (hash \(checkpoint.hash.prefix(16))…)."
                    )
                }
                return .success
            }
        }
    }
}

/// An audit entry as `audit query --json` prints it.
struct AuditEntryView: Encodable {
    let seq: Int64
    let at: String
    let actor: String
    let role: String
    let osUser: String
    let purpose: String
    let action: String
    let subjectCount: Int64
    let fields: String
    let decision: String
    let reason: String
    let hash: String

    init(_ entry: AuditEntry) {
        seq = entry.seq
        at = VaultTime.iso8601(entry.at)
        actor = entry.actor
        role = entry.role
        osUser = entry.osUser
        purpose = entry.purpose
        action = entry.action
        subjectCount = entry.subjectCount
        fields = entry.fields
        decision = entry.decision
        reason = entry.reason
        hash = entry.hash.map { String(format: "%02x", $0) }.joined()
    }
}

extension Tresor.Audit {
    struct Report: RunnableCommand {
        static let configuration = CommandConfiguration(
            name: "report",
            abstract: "Write the auditors' HTML page: verification, accesses over time, denials, bulk operations.",
            discussion: "The page holds no personal value: actors, purposes, actions, counts and random ids only.")
        static let arguments: [ArgumentSpec] = [
            .option("html", valueName: "file", help: "Where to write the page.", required: true)
        ]
        let html: String
        init(_ arguments: ParsedArguments) throws { html = try arguments.string("html") }

        func run(_ context: CommandContext) throws -> ExitCode {
            let session = try VaultSession.open(context)
            let progress = Progress(context)
            let verification = try session.vault.verifyAudit { progress.update("verified \($0) entries") }
            var summary = AuditReportSummary()
            try session.vault.forEachAuditEntry { entry in
                summary.add(
                    AuditReportEntry(
                        seq: entry.seq, at: entry.at, actor: entry.actor, role: entry.role, purpose: entry.purpose,
                        action: entry.action, subjectCount: entry.subjectCount, decision: entry.decision,
                        reason: entry.reason))
            }
            progress.finish()
            let page = AuditReportPage.render(
                summary, generatedAt: VaultTime.iso8601(session.vault.now()), vaultID: session.vault.vaultID,
                verification: AuditReportVerification(
                    isValid: verification.isValid, entries: verification.entries,
                    firstBadSequence: verification.firstBadSequence,
                    problem: verification.problem, checkpointsVerified: verification.checkpointsVerified,
                    headHash: verification.headHash))
            try Data(page.utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
            try session.vault.recordOperation(
                as: session.actor, purpose: "audit", action: "audit-report", reason: "\(summary.entryCount) entries")
            if context.globals.json {
                try Output.json(
                    [
                        "html": html, "entries": String(summary.entryCount),
                        "valid": verification.isValid ? "yes" : "no",
                    ], to: context)
            } else {
                context.stdout.writeLine(
                    "Audit report of \(summary.entryCount) entries written to \(html) (log \(verification.isValid ? "verified" : "INVALID"))."
                )
            }
            return verification.isValid ? .success : .failure
        }
    }
}
