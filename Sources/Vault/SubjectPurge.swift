import VaultStore

/// The one place that knows every row a subject leaves behind. Crypto-shredding, the erasure
/// workflow and a restore's re-erasure all delete through it, so a table added later is erased
/// everywhere at once.
enum SubjectPurge {
    /// Row counts by category (`fields`, `identities`, `events`, `consents`, `moduleRecords`, `sourceRecords`).
    typealias Counts = [String: Int]

    /// Tables whose rows belong to one subject through a `subject` column, with the name each
    /// count is reported under; fields and events are handled apart (legal holds).
    static let subjectTables: [(table: String, count: String?)] = [
        ("identities", "identities"), ("consent_state", "consents"), ("module_records", "moduleRecords"),
        ("source_records", "sourceRecords"), ("merge_values", nil),
    ]

    /// Deletes the subject's rows except the fields and event types held by law; the subject row
    /// itself (and so its wrapped data key) goes when `deleteSubjectRow`.
    @discardableResult
    static func purge(
        _ subject: [UInt8], keepingFields heldFields: [String] = [], keepingEventTypes heldTypes: [String] = [],
        deleteSubjectRow: Bool, in db: Connection
    ) throws -> Counts {
        var counts: Counts = [:]
        guard let id = SubjectID(bytes: subject) else {
            throw VaultError(.invalidArgument, "a subject id is 16 bytes")
        }
        var profile = try StoredProfile.load(id, in: db)
        counts["fields"] = profile.removeAll { !heldFields.contains($0.name) }
        try profile.save(for: id, in: db)
        try db.run(
            "DELETE FROM events WHERE subject = ? AND type NOT IN (\(placeholders(heldTypes.count)))",
            [subject] + heldTypes)
        counts["events"] = db.changes
        for (table, name) in subjectTables {
            try db.run("DELETE FROM \(table) WHERE subject = ?", [subject])
            if let name { counts[name] = db.changes }
        }
        try db.run(
            "DELETE FROM merge_moves WHERE merge_id IN (SELECT id FROM merge_log WHERE survivor = ? OR absorbed = ?)",
            [subject, subject])
        try db.run("DELETE FROM merge_log WHERE survivor = ? OR absorbed = ?", [subject, subject])
        if deleteSubjectRow { try db.run("DELETE FROM subjects WHERE id = ?", [subject]) }
        return counts
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }
}
