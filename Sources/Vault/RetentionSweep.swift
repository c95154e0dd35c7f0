import Foundation
import Policy
import VaultStore

/// What a retention sweep removed (or, in a dry run, would remove), by category.
public struct RetentionReport: Sendable, Equatable, Codable {
    /// Category (`field email`, `events page`, `held field external_id`, `destruction records`...) → count.
    public var removed: [String: Int] = [:]
    /// Subjects whose last held data expired and were then crypto-shredded.
    public var subjectsShredded = 0
    /// True for a dry run (nothing changed).
    public var dryRun: Bool
    /// Total rows.
    public var total: Int { removed.values.reduce(0, +) }
}

extension Vault {
    /// Deletes field values and events older than the retention the policy sets (legal holds
    /// extend it), the held data of erased subjects once the hold ends (then shreds them), and
    /// destruction records past their retention. One transaction, one audit entry.
    public func sweepRetention(dryRun: Bool, as actor: Actor) throws -> RetentionReport {
        var report = RetentionReport(dryRun: dryRun)
        var shredded: [SubjectID] = []
        try store.write { db in
            let now = clock.now()
            func apply(_ category: String, _ condition: String, _ values: [any DatabaseBindable], table: String) throws
            {
                if dryRun {
                    let count = Int(try db.scalarInt("SELECT count(*) FROM \(table) WHERE \(condition)", values) ?? 0)
                    if count > 0 { report.removed[category, default: 0] += count }
                } else {
                    try db.run("DELETE FROM \(table) WHERE \(condition)", values)
                    if db.changes > 0 { report.removed[category, default: 0] += db.changes }
                }
            }
            // Fields of live subjects past their retention: each profile row read once, and
            // written back only when something in it expired.
            var cutoffs: [String: Int64] = [:]
            for field in policy.fields {
                guard let days = field.retentionDays else { continue }
                cutoffs[field.name] = now - Int64(max(days, field.legalHold?.days ?? 0)) * VaultTime.day
            }
            if !cutoffs.isEmpty {
                // Bodies are scanned in place; only one with an expired value is decoded (and kept
                // to rewrite after the scan, unless this is a dry run).
                var changed: [(SubjectID, StoredProfile)] = []
                try db.forEachRow("SELECT subject, body FROM profiles") { row in
                    let subject = SubjectID(bytes: row.blob(0)) ?? .malformed
                    let body = row.bytes(1)
                    var expired = 0
                    try ProfileBody.forEach(body, subject: subject) { entry, _ in
                        let name = String(decoding: entry.name, as: UTF8.self)
                        guard let cutoff = cutoffs[name], entry.updatedAt < cutoff else { return }
                        report.removed["field \(name)", default: 0] += 1
                        expired += 1
                    }
                    guard expired > 0, !dryRun else { return }
                    var profile = try StoredProfile(body: body, subject: subject)
                    profile.removeAll { entry in cutoffs[entry.name].map { entry.updatedAt < $0 } ?? false }
                    changed.append((subject, profile))
                }
                for (subject, profile) in changed { try profile.save(for: subject, in: db) }
            }
            // Events past the retention of their type.
            var types: [String] = []
            try db.forEachRow("SELECT DISTINCT type FROM events") { types.append($0.text(0) ?? "") }
            for type in types {
                let definition = policy.eventType(named: type)
                guard let days = definition.retentionDays else { continue }
                let keep = max(days, definition.legalHold?.days ?? 0)
                try apply(
                    "events \(type)", "type = ? AND at < ?", [type, now - Int64(keep) * VaultTime.day], table: "events")
            }
            // Held data of erased subjects whose hold has ended.
            var erased: [(SubjectID, Int64)] = []
            try db.forEachRow("SELECT id, erasure_requested_at FROM subjects WHERE erasure_requested_at IS NOT NULL") {
                erased.append((SubjectID(bytes: $0.blob(0)) ?? .malformed, $0.int64(1)))
            }
            for (subject, requestedAt) in erased {
                var profile = try StoredProfile.load(subject, in: db)
                let heldRemoved = profile.removeAll { entry in
                    guard let field = policy.field(named: entry.name) else { return false }
                    let hold = Int64(field.legalHold?.days ?? 0) * VaultTime.day
                    guard now >= requestedAt + hold else { return false }
                    report.removed["held field \(entry.name)", default: 0] += 1
                    return true
                }
                if heldRemoved > 0, !dryRun { try profile.save(for: subject, in: db) }
                for type in types {
                    let hold = Int64(policy.eventType(named: type).legalHold?.days ?? 0) * VaultTime.day
                    try apply(
                        "held events \(type)", "subject = ? AND type = ? AND at < ?",
                        [subject.bytes, type, now - hold], table: "events")
                }
                let remaining =
                    Int64(dryRun ? profile.count + heldRemoved : profile.count)
                    + (try db.scalarInt("SELECT count(*) FROM events WHERE subject = ?", [subject.bytes]) ?? 0)
                if remaining == 0 {
                    if !dryRun {
                        try SubjectPurge.purge(subject.bytes, deleteSubjectRow: true, in: db)
                        try db.run(
                            "INSERT OR REPLACE INTO erasure_ledger (kind, token, erased_at) VALUES ('subject', ?, ?)",
                            [erasureToken("subject", subject.bytes), now])
                    }
                    shredded.append(subject)
                }
            }
            report.subjectsShredded = shredded.count
            // Destruction records past their retention.
            try apply("destruction records", "expires_at < ?", [now], table: "destruction_records")
            let summary = report.removed.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(
                separator: "; ")
            try AuditLog.append(
                [
                    AuditLog.Draft(
                        actor: actor, role: roleName(of: actor), purpose: "storage",
                        action: dryRun ? "retention-dry-run" : "retention-sweep", subjects: shredded, fields: [],
                        decision: "allowed", reason: summary.isEmpty ? "nothing past retention" : summary)
                ], at: now, in: db, keyring: keyring)
        }
        if !dryRun {
            for subject in shredded { keyring.forget(subject) }
            try ErasureLedgerFile.append(
                shredded.map { "subject \(Hex.encode(erasureToken("subject", $0.bytes)))" }, in: directory)
            try store.withWriter { try $0.checkpointAndTruncateWAL() }
        }
        return report
    }
}
