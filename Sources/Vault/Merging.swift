import Foundation
import VaultCrypto
import VaultStore

/// One merge of two subjects, as the merge log keeps it (ids, rule, times — no values).
public struct MergeRecord: Sendable, Equatable, Codable {
    public var id: String
    public var survivor: SubjectID
    public var absorbed: SubjectID
    /// Which rule joined them (`external_id`, `email`, `phone`, `anonymous_id`, `manual`...).
    public var rule: String
    public var at: Int64
    public var actor: String
    /// Fields the survivor took from the absorbed subject (it had none of its own).
    public var copiedFields: [String]
    public var undoneAt: Int64?
}

/// Merging two subjects into one and undoing it.
///
/// A merge moves the absorbed subject's events, identities, source records and consent state
/// under the survivor, re-encrypting every value under the survivor's data key; the absorbed
/// subject's own field values are kept (encrypted under the survivor's key) in the merge log, and
/// fields the survivor lacked are copied to it. The absorbed subject's row — and so its data key —
/// is then deleted. `unmerge` re-creates the absorbed subject with the same id and a new key and
/// moves everything back.
extension Vault {
    /// Merges `absorbed` into `survivor` for `rule`; returns the merge log entry.
    @discardableResult
    public func merge(_ absorbed: SubjectID, into survivor: SubjectID, rule: String, as actor: Actor) throws
        -> MergeRecord
    {
        guard absorbed != survivor else { throw VaultError(.invalidArgument, "a subject can't be merged into itself") }
        let record = try store.write { db in
            guard let from = try SubjectRecord.load(absorbed, in: db), let to = try SubjectRecord.load(survivor, in: db)
            else {
                throw VaultError(.unknownSubject, "both subjects must exist")
            }
            let now = clock.now()
            let id = "M-" + Hex.encode(try CryptoRandom.bytes(6))
            let fromKey = try keyring.dataKey(for: absorbed, version: from.keyVersion, wrapped: from.wrappedKey)
            let toKey = try keyring.dataKey(for: survivor, version: to.keyVersion, wrapped: to.wrappedKey)
            // Every value sealed again under one key in a row shares one nonce prefix and subkey.
            let run = try SealRun()
            // Fields: every absorbed value is kept in the log; missing ones are copied to the survivor.
            var survivorProfile = try StoredProfile.load(survivor, in: db)
            let survivorFields = Set(survivorProfile.names)
            var copied: [String] = []
            let rows = try StoredProfile.load(absorbed, in: db).entries
            for row in rows {
                let field = row.name
                let plain = try AEAD.open(row.sealed, key: fromKey, associatedData: Binding.field(absorbed, field))
                let kept = try AEAD.seal(
                    plain, key: toKey, keyVersion: to.keyVersion,
                    associatedData: Binding.field(survivor, "merge:\(id):\(field)"), run: run)
                try db.run(
                    "INSERT INTO merge_values (merge_id, field, subject, value, source, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [id, field, survivor.bytes, kept, row.source, row.updatedAt])
                if !survivorFields.contains(field) {
                    let moved = try AEAD.seal(
                        plain, key: toKey, keyVersion: to.keyVersion, associatedData: Binding.field(survivor, field),
                        run: run)
                    survivorProfile.set(
                        .init(
                            name: field, sealed: moved, source: row.source, updatedAt: row.updatedAt, rectifiedAt: nil))
                    copied.append(field)
                }
            }
            try survivorProfile.save(for: survivor, in: db)
            try db.run(ProfileSQL.delete, [absorbed.bytes])
            // Events, re-encrypted under the survivor.
            try moveEvents(
                from: absorbed, key: fromKey, to: survivor, key: toKey, version: to.keyVersion, mergeID: id,
                record: true, run: run, db: db)
            // Identities, source records and consent state.
            var identities: [(String, [UInt8])] = []
            try db.forEachRow("SELECT kind, token FROM identities WHERE subject = ?", [absorbed.bytes]) {
                identities.append(($0.text(0) ?? "", $0.blob(1)))
            }
            for (kind, token) in identities {
                try db.run(
                    "INSERT INTO merge_moves (merge_id, kind, ref) VALUES (?, 'identity', ?)",
                    [id, Array(kind.utf8) + [0] + token])
                try db.run(
                    "INSERT OR IGNORE INTO identities (kind, token, subject, created_at) VALUES (?, ?, ?, ?)",
                    [kind, token, survivor.bytes, now])
            }
            try db.run("DELETE FROM identities WHERE subject = ?", [absorbed.bytes])
            var sources: [(String, String)] = []
            try db.forEachRow("SELECT source, record_id FROM source_records WHERE subject = ?", [absorbed.bytes]) {
                sources.append(($0.text(0) ?? "", $0.text(1) ?? ""))
            }
            for (source, recordID) in sources {
                try db.run(
                    "INSERT INTO merge_moves (merge_id, kind, ref) VALUES (?, 'source', ?)",
                    [id, Array("\(source)\u{0}\(recordID)".utf8)])
            }
            try db.run("UPDATE source_records SET subject = ? WHERE subject = ?", [survivor.bytes, absorbed.bytes])
            var purposes: [String] = []
            try db.forEachRow(
                "SELECT purpose FROM consent_state WHERE subject = ? AND purpose NOT IN (SELECT purpose FROM consent_state WHERE subject = ?)",
                [absorbed.bytes, survivor.bytes]
            ) {
                purposes.append($0.text(0) ?? "")
            }
            for purpose in purposes {
                try db.run(
                    "INSERT INTO merge_moves (merge_id, kind, ref) VALUES (?, 'consent', ?)", [id, Array(purpose.utf8)])
                try db.run(
                    "UPDATE consent_state SET subject = ? WHERE subject = ? AND purpose = ?",
                    [survivor.bytes, absorbed.bytes, purpose])
            }
            try db.run("DELETE FROM consent_state WHERE subject = ?", [absorbed.bytes])
            try db.run("UPDATE module_records SET subject = ? WHERE subject = ?", [survivor.bytes, absorbed.bytes])
            let flags =
                (from.restricted ? 1 : 0) | (from.objectedToMarketing ? 2 : 0) | (from.objectedToProcessing ? 4 : 0)
            // The stricter state wins: a restriction or objection of either person holds for the merged profile.
            try db.run(
                "UPDATE subjects SET restricted = max(restricted, ?), objected_marketing = max(objected_marketing, ?), objected_processing = max(objected_processing, ?), updated_at = ? WHERE id = ?",
                [from.restricted, from.objectedToMarketing, from.objectedToProcessing, now, survivor.bytes])
            try db.run("DELETE FROM subjects WHERE id = ?", [absorbed.bytes])
            let merge = MergeRecord(
                id: id, survivor: survivor, absorbed: absorbed, rule: rule, at: now, actor: actor.name,
                copiedFields: copied.sorted(),
                undoneAt: nil)
            try db.run(
                """
                INSERT INTO merge_log (id, survivor, absorbed, rule, at, actor, absorbed_jurisdiction, absorbed_created_at,
                    absorbed_flags, copied_fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    id, survivor.bytes, absorbed.bytes, rule, now, actor.name, from.jurisdiction, from.createdAt, flags,
                    merge.copiedFields.joined(separator: ","),
                ])
            try AuditLog.append(
                [
                    AuditLog.Draft(
                        actor: actor, role: roleName(of: actor), purpose: "unification", action: "merge",
                        subjects: [survivor, absorbed],
                        fields: rows.map(\.name).sorted(), decision: "allowed", reason: "\(id): rule \(rule)")
                ], at: now, in: db, keyring: keyring)
            return merge
        }
        keyring.forget(absorbed)
        return record
    }

    /// Undoes a merge: re-creates the absorbed subject (same id, new data key) with its own field
    /// values, and moves its events, identities, source records and consent state back.
    @discardableResult
    public func unmerge(_ mergeID: String, as actor: Actor) throws -> MergeRecord {
        try store.write { db in
            guard var merge = try loadMerge(mergeID, db) else {
                throw VaultError(.invalidArgument, "no merge \(mergeID)")
            }
            guard merge.undoneAt == nil else {
                throw VaultError(.invalidArgument, "merge \(mergeID) was already undone")
            }
            guard let to = try SubjectRecord.load(merge.survivor, in: db) else {
                throw VaultError(.unknownSubject, "the surviving subject \(merge.survivor) no longer exists (erased?)")
            }
            var jurisdiction = ""
            var createdAt: Int64 = 0
            var flags: Int64 = 0
            try db.forEachRow(
                "SELECT absorbed_jurisdiction, absorbed_created_at, absorbed_flags FROM merge_log WHERE id = ?",
                [mergeID]
            ) {
                jurisdiction = $0.text(0) ?? ""
                createdAt = $0.int64(1)
                flags = $0.int64(2)
            }
            let now = clock.now()
            let absorbed = merge.absorbed
            let (fromKey, wrapped) = try keyring.makeDataKey(for: absorbed, version: 1)
            try db.run(
                """
                INSERT INTO subjects (id, jurisdiction, created_at, updated_at, restricted, objected_marketing, objected_processing,
                    key_version, wrapped_key) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
                """,
                [absorbed.bytes, jurisdiction, createdAt, now, flags & 1 != 0, flags & 2 != 0, flags & 4 != 0, wrapped])
            let toKey = try keyring.dataKey(for: merge.survivor, version: to.keyVersion, wrapped: to.wrappedKey)
            let run = try SealRun()
            var values: [(String, [UInt8], String, Int64)] = []
            try db.forEachRow("SELECT field, value, source, updated_at FROM merge_values WHERE merge_id = ?", [mergeID])
            {
                values.append(($0.text(0) ?? "", $0.blob(1), $0.text(2) ?? "", $0.int64(3)))
            }
            var restoredProfile = StoredProfile()
            for (field, sealed, source, updatedAt) in values {
                let plain = try AEAD.open(
                    sealed, key: toKey, associatedData: Binding.field(merge.survivor, "merge:\(mergeID):\(field)"))
                let restored = try AEAD.seal(
                    plain, key: fromKey, keyVersion: 1, associatedData: Binding.field(absorbed, field),
                    run: run)
                restoredProfile.set(
                    .init(name: field, sealed: restored, source: source, updatedAt: updatedAt, rectifiedAt: nil))
            }
            try restoredProfile.save(for: absorbed, in: db)
            var survivorProfile = try StoredProfile.load(merge.survivor, in: db)
            survivorProfile.removeAll { merge.copiedFields.contains($0.name) }
            try survivorProfile.save(for: merge.survivor, in: db)
            try db.run("DELETE FROM merge_values WHERE merge_id = ?", [mergeID])
            try moveEvents(
                from: merge.survivor, key: toKey, to: absorbed, key: fromKey, version: 1, mergeID: mergeID,
                record: false, run: run, db: db)
            var moves: [(String, [UInt8])] = []
            try db.forEachRow("SELECT kind, ref FROM merge_moves WHERE merge_id = ? AND kind != 'event'", [mergeID]) {
                moves.append(($0.text(0) ?? "", $0.blob(1)))
            }
            for (kind, ref) in moves {
                let parts = ref.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
                switch kind {
                case "identity":
                    let identityKind = String(decoding: parts[0], as: UTF8.self)
                    let token = parts.count > 1 ? Array(parts[1]) : []
                    try db.run(
                        "INSERT OR IGNORE INTO identities (kind, token, subject, created_at) VALUES (?, ?, ?, ?)",
                        [identityKind, token, absorbed.bytes, now])
                    // The survivor keeps an identity only if it had it before the merge.
                    try db.run(
                        "DELETE FROM identities WHERE kind = ? AND token = ? AND subject = ? AND created_at = ?",
                        [identityKind, token, merge.survivor.bytes, merge.at])
                case "source":
                    let source = String(decoding: parts[0], as: UTF8.self)
                    let recordID = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : ""
                    try db.run(
                        "UPDATE source_records SET subject = ? WHERE source = ? AND record_id = ?",
                        [absorbed.bytes, source, recordID])
                case "consent":
                    try db.run(
                        "UPDATE consent_state SET subject = ? WHERE subject = ? AND purpose = ?",
                        [absorbed.bytes, merge.survivor.bytes, String(decoding: ref, as: UTF8.self)])
                default: break
                }
            }
            try db.run("DELETE FROM merge_moves WHERE merge_id = ?", [mergeID])
            try db.run("UPDATE merge_log SET undone_at = ? WHERE id = ?", [now, mergeID])
            merge.undoneAt = now
            try AuditLog.append(
                [
                    AuditLog.Draft(
                        actor: actor, role: roleName(of: actor), purpose: "unification", action: "unmerge",
                        subjects: [merge.survivor, absorbed], fields: values.map(\.0).sorted(), decision: "allowed",
                        reason: mergeID)
                ], at: now, in: db, keyring: keyring)
            return merge
        }
    }

    /// The merges whose survivor is `subject` (or every merge when nil), oldest first.
    public func merges(survivor subject: SubjectID? = nil) throws -> [MergeRecord] {
        try store.read { db in
            var ids: [String] = []
            if let subject {
                try db.forEachRow("SELECT id FROM merge_log WHERE survivor = ? ORDER BY at, id", [subject.bytes]) {
                    ids.append($0.text(0) ?? "")
                }
            } else {
                try db.forEachRow("SELECT id FROM merge_log ORDER BY at, id") { ids.append($0.text(0) ?? "") }
            }
            return try ids.compactMap { try loadMerge($0, db) }
        }
    }

    private func loadMerge(_ id: String, _ db: Connection) throws -> MergeRecord? {
        var merge: MergeRecord?
        try db.forEachRow(
            "SELECT id, survivor, absorbed, rule, at, actor, copied_fields, undone_at FROM merge_log WHERE id = ?", [id]
        ) {
            merge = MergeRecord(
                id: $0.text(0) ?? "", survivor: SubjectID(bytes: $0.blob(1)) ?? .malformed,
                absorbed: SubjectID(bytes: $0.blob(2)) ?? .malformed,
                rule: $0.text(3) ?? "", at: $0.int64(4), actor: $0.text(5) ?? "",
                copiedFields: ($0.text(6) ?? "").split(separator: ",").map(String.init),
                undoneAt: $0.isNull(7) ? nil : $0.int64(7))
        }
        return merge
    }

    /// Moves events between subjects, re-encrypting their properties; on a merge, records which.
    private func moveEvents(
        from: SubjectID, key fromKey: DataKey, to: SubjectID, key toKey: DataKey, version: UInt32, mergeID: String,
        record: Bool, run: SealRun, db: Connection
    ) throws {
        var events: [(Int64, [UInt8], [UInt8])] = []
        if record {
            try db.forEachRow("SELECT id, message, properties FROM events WHERE subject = ?", [from.bytes]) {
                events.append(($0.int64(0), $0.blob(1), $0.blob(2)))
            }
        } else {
            try db.forEachRow(
                "SELECT e.id, e.message, e.properties FROM events e JOIN merge_moves m ON m.kind = 'event' AND m.merge_id = ? AND m.ref = CAST(e.id AS TEXT) WHERE e.subject = ?",
                [mergeID, from.bytes]
            ) { events.append(($0.int64(0), $0.blob(1), $0.blob(2))) }
        }
        for (id, message, sealed) in events {
            let plain = try AEAD.open(sealed, key: fromKey, associatedData: Binding.event(from, message: message))
            let moved = try AEAD.seal(
                plain, key: toKey, keyVersion: version, associatedData: Binding.event(to, message: message),
                run: run)
            // Message ids are unique per subject (decision 29): when the target already holds this
            // message, the two rows are one message stored under both subjects; keep the target's.
            try db.run("UPDATE OR IGNORE events SET subject = ?, properties = ? WHERE id = ?", [to.bytes, moved, id])
            if db.changes == 0 {
                try db.run("DELETE FROM events WHERE id = ?", [id])
                continue
            }
            if record {
                try db.run(
                    "INSERT INTO merge_moves (merge_id, kind, ref) VALUES (?, 'event', CAST(? AS TEXT))", [mergeID, id])
            }
        }
    }
}
