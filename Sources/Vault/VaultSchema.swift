import VaultStore

/// The vault's numbered migrations. Every personal row is keyed by subject id, so the storage
/// can later be sharded by subject. Personal values are stored only as ciphertext or as keyed
/// blind-index tokens.
enum VaultSchema {
    static let migrations: [Migration] = [
        Migration(
            version: 1, name: "vault core",
            sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;

                CREATE TABLE subjects (
                    id BLOB PRIMARY KEY,
                    jurisdiction TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    restricted INTEGER NOT NULL DEFAULT 0,
                    objected_marketing INTEGER NOT NULL DEFAULT 0,
                    objected_processing INTEGER NOT NULL DEFAULT 0,
                    key_version INTEGER NOT NULL,
                    wrapped_key BLOB NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE fields (
                    subject BLOB NOT NULL,
                    field TEXT NOT NULL,
                    value BLOB NOT NULL,
                    source TEXT NOT NULL,
                    updated_at INTEGER NOT NULL,
                    rectified_at INTEGER,
                    PRIMARY KEY (subject, field)
                ) WITHOUT ROWID;

                CREATE TABLE identities (
                    kind TEXT NOT NULL,
                    token BLOB NOT NULL,
                    subject BLOB NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (kind, token, subject)
                ) WITHOUT ROWID;
                CREATE INDEX identities_by_subject ON identities (subject);

                CREATE TABLE events (
                    id INTEGER PRIMARY KEY,
                    subject BLOB NOT NULL,
                    type TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    message BLOB NOT NULL UNIQUE,
                    properties BLOB NOT NULL
                );
                CREATE INDEX events_by_subject ON events (subject, at);

                CREATE TABLE audit_log (
                    seq INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    role TEXT NOT NULL,
                    os_user TEXT NOT NULL,
                    purpose TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject_count INTEGER NOT NULL,
                    subjects_digest BLOB NOT NULL,
                    fields TEXT NOT NULL,
                    decision TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    prev_hash BLOB NOT NULL,
                    hash BLOB NOT NULL
                );
                CREATE TABLE audit_subjects (
                    seq INTEGER NOT NULL,
                    subject BLOB NOT NULL,
                    PRIMARY KEY (seq, subject)
                ) WITHOUT ROWID;
                CREATE INDEX audit_subjects_by_subject ON audit_subjects (subject, seq);
                CREATE TABLE audit_checkpoints (
                    seq INTEGER PRIMARY KEY,
                    hash BLOB NOT NULL,
                    at INTEGER NOT NULL,
                    signature BLOB NOT NULL
                );
                CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                CREATE TRIGGER audit_subjects_append_only_update BEFORE UPDATE ON audit_subjects
                    BEGIN SELECT RAISE(ABORT, 'audit_subjects is append-only'); END;
                CREATE TRIGGER audit_subjects_append_only_delete BEFORE DELETE ON audit_subjects
                    BEGIN SELECT RAISE(ABORT, 'audit_subjects is append-only'); END;

                CREATE TABLE consent_state (
                    subject BLOB NOT NULL,
                    purpose TEXT NOT NULL,
                    status TEXT NOT NULL,
                    expires_at INTEGER,
                    by_guardian INTEGER NOT NULL DEFAULT 0,
                    ledger_seq INTEGER NOT NULL,
                    PRIMARY KEY (subject, purpose)
                ) WITHOUT ROWID;
                CREATE INDEX consent_state_by_purpose ON consent_state (purpose, subject);

                CREATE TABLE module_records (
                    module TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    key TEXT NOT NULL,
                    subject BLOB,
                    body BLOB NOT NULL,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (module, kind, key)
                ) WITHOUT ROWID;
                CREATE INDEX module_records_by_subject ON module_records (subject) WHERE subject IS NOT NULL;
                """),
        Migration(
            version: 2, name: "consent ledger",
            sql: """
                CREATE TABLE consent_ledger (
                    seq INTEGER PRIMARY KEY,
                    subject BLOB NOT NULL,
                    purpose TEXT NOT NULL,
                    status TEXT NOT NULL,
                    lawful_basis TEXT NOT NULL,
                    source TEXT NOT NULL,
                    text_version TEXT NOT NULL,
                    text_hash BLOB NOT NULL,
                    collected_at INTEGER NOT NULL,
                    expires_at INTEGER,
                    jurisdiction TEXT NOT NULL,
                    given_by TEXT NOT NULL,
                    evidence TEXT NOT NULL,
                    ip_hash BLOB NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    recorded_by TEXT NOT NULL,
                    prev_hash BLOB NOT NULL,
                    hash BLOB NOT NULL
                );
                CREATE INDEX consent_ledger_by_subject ON consent_ledger (subject, seq);
                CREATE TABLE consent_checkpoints (
                    seq INTEGER PRIMARY KEY,
                    hash BLOB NOT NULL,
                    at INTEGER NOT NULL,
                    signature BLOB NOT NULL
                );
                CREATE TRIGGER consent_ledger_append_only_update BEFORE UPDATE ON consent_ledger
                    BEGIN SELECT RAISE(ABORT, 'consent_ledger is append-only'); END;
                CREATE TRIGGER consent_ledger_append_only_delete BEFORE DELETE ON consent_ledger
                    BEGIN SELECT RAISE(ABORT, 'consent_ledger is append-only'); END;
                """),
        Migration(
            version: 3, name: "data-subject requests, erasure ledger, suppression, destruction records",
            sql: """
                CREATE TABLE requests (
                    id TEXT PRIMARY KEY,
                    subject BLOB NOT NULL,
                    kind TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    jurisdiction TEXT NOT NULL,
                    state TEXT NOT NULL,
                    received_at INTEGER NOT NULL,
                    due_at INTEGER NOT NULL,
                    extended_due_at INTEGER,
                    extension_reason TEXT,
                    verified_by TEXT,
                    verification_method TEXT,
                    verified_at INTEGER,
                    completed_at INTEGER,
                    rejection_reason TEXT,
                    result TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX requests_by_subject ON requests (subject);
                CREATE INDEX requests_by_due ON requests (state, due_at);

                ALTER TABLE subjects ADD COLUMN erasure_requested_at INTEGER;

                CREATE TABLE erasure_ledger (
                    kind TEXT NOT NULL,
                    token BLOB NOT NULL,
                    erased_at INTEGER NOT NULL,
                    PRIMARY KEY (kind, token)
                ) WITHOUT ROWID;

                CREATE TABLE suppression (
                    kind TEXT NOT NULL,
                    token BLOB NOT NULL,
                    added_at INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    PRIMARY KEY (kind, token)
                ) WITHOUT ROWID;

                CREATE TABLE destruction_records (
                    id TEXT PRIMARY KEY,
                    regime TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    wrapped_key BLOB NOT NULL,
                    body BLOB NOT NULL,
                    signature BLOB NOT NULL
                );
                """),
        Migration(
            version: 4, name: "source records",
            sql: """
                CREATE TABLE source_records (
                    source TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    subject BLOB NOT NULL,
                    imported_at INTEGER NOT NULL,
                    PRIMARY KEY (source, record_id)
                ) WITHOUT ROWID;
                CREATE INDEX source_records_by_subject ON source_records (subject);
                """),
        Migration(
            version: 5, name: "merge log",
            sql: """
                CREATE TABLE merge_log (
                    id TEXT PRIMARY KEY,
                    survivor BLOB NOT NULL,
                    absorbed BLOB NOT NULL,
                    rule TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    absorbed_jurisdiction TEXT NOT NULL,
                    absorbed_created_at INTEGER NOT NULL,
                    absorbed_flags INTEGER NOT NULL,
                    copied_fields TEXT NOT NULL,
                    undone_at INTEGER
                );
                CREATE INDEX merge_log_by_survivor ON merge_log (survivor);
                CREATE TABLE merge_values (
                    merge_id TEXT NOT NULL,
                    field TEXT NOT NULL,
                    subject BLOB NOT NULL,
                    value BLOB NOT NULL,
                    source TEXT NOT NULL,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (merge_id, field)
                ) WITHOUT ROWID;
                CREATE INDEX merge_values_by_subject ON merge_values (subject);
                CREATE TABLE merge_moves (
                    merge_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    ref BLOB NOT NULL,
                    PRIMARY KEY (merge_id, kind, ref)
                ) WITHOUT ROWID;
                """),
        Migration(
            version: 6, name: "audit subject sets in the entry row",
            sql: """
                DROP TRIGGER audit_log_append_only_update;
                ALTER TABLE audit_log ADD COLUMN subjects BLOB NOT NULL DEFAULT x'';
                UPDATE audit_log SET subjects = coalesce(
                    (SELECT CAST(group_concat(subject, '') AS BLOB) FROM audit_subjects s WHERE s.seq = audit_log.seq),
                    x'') WHERE subject_count > 0;
                CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                DROP TRIGGER audit_subjects_append_only_update;
                DROP TRIGGER audit_subjects_append_only_delete;
                DROP TABLE audit_subjects;
                CREATE INDEX audit_log_by_subject ON audit_log (subjects) WHERE subject_count = 1;
                CREATE INDEX audit_log_bulk ON audit_log (seq) WHERE subject_count > 1;
                """),
        Migration(
            version: 7, name: "subject epoch",
            sql: """
                INSERT OR IGNORE INTO meta (key, value) VALUES ('subject_epoch', 0);
                CREATE TRIGGER subjects_epoch_on_delete AFTER DELETE ON subjects
                    BEGIN UPDATE meta SET value = value + 1 WHERE key = 'subject_epoch'; END;
                CREATE TRIGGER subjects_epoch_on_rekey AFTER UPDATE OF key_version, wrapped_key ON subjects
                    BEGIN UPDATE meta SET value = value + 1 WHERE key = 'subject_epoch'; END;
                """),
        // The consent state keyed by purpose first: a snapshot of one purpose reads a range of the
        // table in order instead of seeking the row of every entry of a (purpose, subject) index
        // (three times slower at a million subjects); the per-subject index takes its place.
        Migration(
            version: 8, name: "consent state keyed by purpose",
            sql: """
                CREATE TABLE consent_state_new (
                    subject BLOB NOT NULL,
                    purpose TEXT NOT NULL,
                    status TEXT NOT NULL,
                    expires_at INTEGER,
                    by_guardian INTEGER NOT NULL DEFAULT 0,
                    ledger_seq INTEGER NOT NULL,
                    PRIMARY KEY (purpose, subject)
                ) WITHOUT ROWID;
                INSERT INTO consent_state_new (subject, purpose, status, expires_at, by_guardian, ledger_seq)
                    SELECT subject, purpose, status, expires_at, by_guardian, ledger_seq FROM consent_state
                    ORDER BY purpose, subject;
                DROP TABLE consent_state;
                ALTER TABLE consent_state_new RENAME TO consent_state;
                CREATE INDEX consent_state_by_subject ON consent_state (subject);
                """),
        // Message ids deduplicated per subject: an import batch is sorted by subject, so the
        // unique index's inserts land next to each other instead of at random places of an index
        // of every message ever stored (Docs/decisions.md, entry 29).
        Migration(
            version: 9, name: "events deduplicated per subject",
            sql: """
                CREATE TABLE events_new (
                    id INTEGER PRIMARY KEY,
                    subject BLOB NOT NULL,
                    type TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    message BLOB NOT NULL,
                    properties BLOB NOT NULL
                );
                INSERT INTO events_new (id, subject, type, at, source, message, properties)
                    SELECT id, subject, type, at, source, message, properties FROM events ORDER BY id;
                DROP TABLE events;
                ALTER TABLE events_new RENAME TO events;
                CREATE INDEX events_by_subject ON events (subject, at);
                CREATE UNIQUE INDEX events_by_subject_message ON events (subject, message);
                """),
        // One row per subject holding all of its sealed fields (`ProfileBody`) instead of one row
        // per field: an import writes a tenth of the B-tree entries (Docs/decisions.md, entry 36).
        // A rowid table, so that the long rows stay out of the subject index's interior pages.
        Migration(
            version: 10, name: "profiles: one row per subject",
            sql: """
                CREATE TABLE profiles (
                    id INTEGER PRIMARY KEY,
                    subject BLOB NOT NULL UNIQUE,
                    field_count INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                """,
            apply: { db in
                try ProfileMigration.packFields(in: db)
                try db.execute("DROP TABLE fields")
            }),
    ]
}

/// Migration 10's data step: the rows of `fields` packed into `profiles` rows, subject by subject.
enum ProfileMigration {
    static func packFields(in db: Connection) throws {
        var current: [UInt8]?
        let body = ByteWriter()
        var count = 0
        func flush() throws {
            guard let subject = current, count > 0 else { return }
            try db.run(
                "INSERT INTO profiles (subject, field_count, body) VALUES (?, ?, ?)",
                [subject, Int64(count), Array(body.bytes)])
        }
        try db.forEachRow(
            "SELECT subject, field, value, source, updated_at, rectified_at FROM fields ORDER BY subject, field"
        ) { row in
            let subject = row.blob(0)
            if subject != current {
                try flush()
                current = subject
                body.removeAll()
                body.append(ProfileBody.version)
                count = 0
            }
            row.blob(2).withUnsafeBytes { sealed in
                ProfileBody.append(
                    name: row.text(1) ?? "", source: row.text(3) ?? "", updatedAt: row.int64(4),
                    rectifiedAt: row.isNull(5) ? nil : row.int64(5), sealed: sealed, to: body)
            }
            count += 1
        }
        try flush()
    }
}
