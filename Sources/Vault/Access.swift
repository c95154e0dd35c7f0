public import Normalization
public import Policy
import VaultCrypto
import VaultStore

/// The only door to personal data for `Unification`, `Segmentation` and `Messaging` (and the CLI).
///
/// Every call asks `Policy` (actor, purpose, fields, restriction, objections, consent), appends an
/// audit entry — allowed or denied — and commits it, and only then decrypts.
public struct Access {
    let vault: Vault
    /// Who is reading.
    public let actor: Actor

    init(vault: Vault, actor: Actor) {
        self.vault = vault
        self.actor = actor
    }

    /// The pseudo-field that stands for a subject's events in the policy.
    public static let eventsField = "events"

    // MARK: Single reads

    /// Reads `fields` of one subject for `purpose`.
    /// - Throws: `VaultError(.unknownSubject)` (after auditing the attempt) when the subject does not exist.
    public func read(_ subject: SubjectID, fields: [String], purpose: String) throws -> AccessResult {
        try read([subject], fields: fields, purpose: purpose)[0]
    }

    /// Reads `fields` of several subjects for `purpose`: one decision and one audit entry per subject.
    public func read(_ subjects: [SubjectID], fields: [String], purpose: String) throws -> [AccessResult] {
        let plan = vault.plans.plan(actor: actor.name, purpose: purpose, fields: fields)
        var pending: [(record: SubjectRecord, decision: AccessDecision, fields: [SealedField], seq: Int64)] = []
        var missing: SubjectID?
        try vault.store.write { db in
            let now = vault.clock.now()
            var drafts: [AuditLog.Draft] = []
            var loaded: [(SubjectRecord, AccessDecision, [SealedField])] = []
            drafts.reserveCapacity(subjects.count)
            loaded.reserveCapacity(subjects.count)
            for subject in subjects {
                guard let record = try SubjectRecord.load(subject, in: db) else {
                    missing = subject
                    drafts.append(draft("read", [subject], fields, purpose, "denied", "subject does not exist"))
                    break
                }
                let state = try vault.subjectState(record, consentPurpose: plan.consentPurpose, now: now, in: db)
                let decision = plan.decide(for: state)
                let sealed =
                    decision.allowedFields.isEmpty
                    ? [] : try sealedFields(of: subject, named: decision.allowedFields, in: db)
                drafts.append(draft("read", [subject], fields, purpose, decision.outcome.auditName, decision.summary))
                loaded.append((record, decision, sealed))
            }
            let entries = try AuditLog.append(drafts, at: now, in: db, keyring: vault.keyring)
            pending = zip(loaded, entries).map { ($0.0, $0.1, $0.2, $1.seq) }
        }
        if let missing { throw VaultError(.unknownSubject, "subject \(missing) does not exist") }
        // The audit entries are committed: now decrypt.
        return try pending.map { record, decision, sealedFields, seq in
            let key = try vault.keyring.dataKey(for: record.id, version: record.keyVersion, wrapped: record.wrappedKey)
            let decryptor = FieldDecryptor(subject: record.id, key: key, subkeys: vault.subkeys)
            var values: [String: FieldValue] = [:]
            var sources: [String: String] = [:]
            values.reserveCapacity(sealedFields.count)
            sources.reserveCapacity(sealedFields.count)
            for field in sealedFields {
                var name = field.name
                values[field.name] = try field.sealed.withUnsafeBytes { sealed in
                    try name.withUTF8 { try decryptor.open(sealed, name: UnsafeRawBufferPointer($0)) }
                }
                sources[field.name] = field.source
            }
            // Allowed fields without a stored value: a scan of the few sealed names is cheaper than
            // hashing every allowed name again.
            let missingFields = decision.allowedFields.filter { name in
                name != Self.eventsField && !sealedFields.contains { $0.name == name }
            }
            return AccessResult(
                subject: record.id, decision: decision, values: values, sources: sources, missingFields: missingFields,
                auditSequence: seq)
        }
    }

    /// The ciphertexts of the fields named in `names` that `subject` holds, with their sources,
    /// copied out of the transaction (names compared as bytes, each row's columns read in place).
    private func sealedFields(of subject: SubjectID, named names: [String], in db: Connection) throws
        -> [SealedField]
    {
        let filter = FieldNameFilter(names)
        var result: [SealedField] = []
        result.reserveCapacity(names.count)
        let statement = try db.statement(ProfileSQL.select)
        try statement.bind(subject, at: 1)
        defer { statement.reset() }
        guard try statement.step() else { return result }
        try ProfileBody.forEach(statement.columnBytes(0), subject: subject) { entry, position in
            guard filter.contains(entry.name) else { return }
            result.append(
                SealedField(
                    name: FieldDecryptor.text(entry.name, at: position, in: vault.fieldNames.view),
                    sealed: Array(entry.sealed),
                    source: FieldDecryptor.text(entry.source, at: position, in: vault.fieldSources.view)))
        }
        return result
    }

    /// A subject's events for `purpose` (metadata, plus decrypted properties when `withProperties`).
    /// Needs the `events` field granted for the purpose.
    public func events(of subject: SubjectID, purpose: String, since: Int64? = nil, withProperties: Bool = true)
        throws -> (decision: AccessDecision, events: [AccessedEvent])
    {
        let result = try read(subject, fields: [Self.eventsField], purpose: purpose)
        guard result.decision.allowedFields.contains(Self.eventsField) else { return (result.decision, []) }
        let events = try vault.store.read { db -> [StoredEvent] in
            guard let record = try SubjectRecord.load(subject, in: db) else { return [] }
            return try vault.decryptEvents(of: record, since: since, in: db)
        }
        return (
            result.decision,
            events.map {
                AccessedEvent(
                    subject: $0.subject, type: $0.type, at: $0.at, source: $0.source,
                    properties: withProperties ? $0.properties : nil)
            }
        )
    }

    // MARK: Lookups

    /// Finds the subjects linked to an identifier (normalised first, then looked up by blind
    /// index). The lookup is itself a use of personal data: it needs a grant of the identifier's
    /// field for `purpose`, and is audited with the subjects found.
    /// - Throws: `VaultError(.invalidValue)` when the value breaks the identifier's rules,
    ///   `VaultError(.denied)` when the policy refuses the lookup.
    public func lookup(_ kind: IdentityKind, _ value: String, region: String? = nil, purpose: String) throws
        -> [SubjectID]
    {
        let normalized: String
        do {
            normalized = try Normalizer.identifier(value, kind: kind, region: region)
        } catch {
            throw VaultError(.invalidValue, "\(kind.rawValue): \(error)")
        }
        let plan = vault.plans.plan(actor: actor.name, purpose: purpose, fields: [kind.rawValue])
        let allowed = !plan.isDeniedForEverySubject && plan.grantedFields == [kind.rawValue]
        let found = allowed ? try vault.subjects(with: kind, normalized: normalized) : []
        _ = try vault.store.write { db in
            try AuditLog.append(
                [
                    draft(
                        "lookup", found, [kind.rawValue], purpose, allowed ? "allowed" : "denied",
                        allowed ? "\(found.count) subjects found" : plan.decide(for: SubjectState()).summary)
                ], at: vault.clock.now(), in: db, keyring: vault.keyring)
        }
        guard allowed else {
            throw VaultError(
                .denied, "actor \(actor.name) may not look subjects up by \(kind.rawValue) for purpose \(purpose)")
        }
        return found
    }

    // MARK: Bulk scans

    /// Streams `fields` of every subject (or of `subjects`) the policy allows for `purpose`.
    /// One audit entry records the scan and every subject whose data it returns; it is committed
    /// before the first record is decrypted.
    @discardableResult
    public func scan(
        fields: [String], purpose: String, subjects: [SubjectID]? = nil, _ body: (ScannedRecord) throws -> Void
    ) throws -> ScanSummary {
        let plan = vault.plans.plan(actor: actor.name, purpose: purpose, fields: fields)
        var (allowed, summary) = try authorizeScan(plan: plan, action: "scan", fields: fields, subjects: subjects)
        guard !allowed.isEmpty else { return summary }
        let wanted = FieldNameFilter(plan.grantedFields)
        let wantedCount = Set(plan.grantedFields).count
        try vault.store.read { db in
            // Rows come in subject order: the decision, key and decryptor are set up once per
            // subject, and every row is read in place.
            // One row per subject, in subject order, each read in place.
            let statement = try db.statement(
                "SELECT s.id, s.jurisdiction, s.key_version, s.wrapped_key, p.body FROM subjects s JOIN profiles p ON p.subject = s.id ORDER BY s.id"
            )
            defer { statement.reset() }
            let texts = TextInterner()
            while try statement.step() {
                let raw = statement.columnBytes(0)
                guard raw.count == 16 else { continue }
                let id = SubjectID(raw: raw)
                guard let fields = allowed.fields(of: id) else { continue }
                let jurisdiction = texts.text(statement.columnBytes(1))
                // The subject's allowed fields when they are fewer than the fields asked for.
                let narrower = fields.count < wantedCount ? fields : nil
                let key = try vault.keyring.dataKey(
                    for: id, version: UInt32(statement.int64(2)), wrapped: statement.blob(3))
                let decryptor = FieldDecryptor(subject: id, key: key, subkeys: vault.subkeys)
                var values: [String: FieldValue] = [:]
                try ProfileBody.forEach(statement.columnBytes(4), subject: id) { entry, _ in
                    guard wanted.contains(entry.name) else { return }
                    let field = texts.text(entry.name)
                    if let narrower, !narrower.contains(field) { return }
                    values[field] = try decryptor.open(entry.sealed, name: entry.name)
                }
                try body(ScannedRecord(subject: id, jurisdiction: jurisdiction, values: values))
            }
            // An allowed subject without any stored field has no row, so no record.
        }
        return summary
    }

    /// Streams events of every allowed subject for `purpose`, in subject then time order.
    /// Type and time are always returned; properties only when `withProperties`.
    @discardableResult
    public func scanEvents(
        purpose: String, types: Set<String>? = nil, since: Int64? = nil, withProperties: Bool = false,
        _ body: (AccessedEvent) throws -> Void
    ) throws -> ScanSummary {
        let plan = vault.plans.plan(actor: actor.name, purpose: purpose, fields: [Self.eventsField])
        var (allowed, summary) = try authorizeScan(
            plan: plan, action: "scan-events", fields: [Self.eventsField], subjects: nil)
        guard !allowed.isEmpty else { return summary }
        let typeFilter = types.map(FieldNameFilter.init)
        try vault.store.read { db in
            // Rows come in subject order: the subject's decision, key and associated-data prefix
            // are looked up once per subject, and each row is read in place (no array or string
            // per row but the ones handed out).
            let statement = try db.statement(
                "SELECT subject, type, at, source, message, properties FROM events WHERE at >= ? ORDER BY subject, at")
            try statement.bind(since ?? Int64.min, at: 1)
            defer { statement.reset() }
            let texts = TextInterner()
            var current = SubjectID.malformed
            var included = false
            var key: DataKey?
            var prefix: [UInt8] = []
            while try statement.step() {
                let raw = statement.columnBytes(0)
                guard raw.count == 16 else { continue }
                let id = SubjectID(raw: raw)
                if id != current {
                    current = id
                    included = allowed.fields(of: id) != nil
                    key = nil
                    if included, withProperties {
                        guard let record = try SubjectRecord.load(id, in: db) else {
                            included = false
                            continue
                        }
                        key = try vault.keyring.dataKey(for: id, version: record.keyVersion, wrapped: record.wrappedKey)
                        prefix = [Binding.eventTag]
                        id.append(to: &prefix)
                    }
                }
                guard included else { continue }
                let type = statement.columnBytes(1)
                if let typeFilter, !typeFilter.contains(type) { continue }
                var properties: [UInt8]?
                if let key {
                    properties = try openProperties(
                        statement.columnBytes(5), message: statement.columnBytes(4), prefix: prefix, key: key,
                        subject: id)
                }
                try body(
                    AccessedEvent(
                        subject: id, type: texts.text(statement.columnBytes(1)), at: statement.int64(2),
                        source: texts.text(statement.columnBytes(3)), properties: properties))
            }
        }
        return summary
    }

    /// Opens one event's properties; the associated data is `prefix` (`e ‖ subject`) followed by
    /// the message token, both read in place.
    private func openProperties(
        _ sealed: UnsafeRawBufferPointer, message: UnsafeRawBufferPointer, prefix: [UInt8], key: DataKey,
        subject: SubjectID
    ) throws -> [UInt8] {
        do {
            return try [UInt8](unsafeUninitializedCapacity: max(sealed.count, 1)) { output, count in
                count = 0
                count = try prefix.withUnsafeBytes { prefix in
                    try AEAD.open(
                        sealed, key: key, associatedData: prefix, followedBy: message,
                        into: UnsafeMutableRawBufferPointer(output), subkeys: vault.subkeys)
                }
            }
        } catch {
            throw VaultError(.integrity, "an event of subject \(subject) fails authentication")
        }
    }

    /// Decides for every candidate subject and commits one audit entry; returns the allowed
    /// subjects with their allowed fields. Subjects and their consent rows are both read in id
    /// order and merged, and a decision is made once per distinct subject state.
    private func authorizeScan(plan: AccessPlan, action: String, fields: [String], subjects: [SubjectID]?) throws
        -> (AllowedSubjects, ScanSummary)
    {
        var allowed = AllowedSubjects()
        var summary = ScanSummary()
        try vault.store.write { db in
            let now = vault.clock.now()
            let consentRows = try db.statement(
                "SELECT subject, status, expires_at, by_guardian FROM consent_state WHERE purpose = ? ORDER BY subject")
            defer { consentRows.reset() }
            var consentCurrent = false
            if let purpose = plan.consentPurpose {
                try consentRows.bind(purpose, at: 1)
                consentCurrent = try consentRows.step()
            }
            let subjectRows = try db.statement(
                "SELECT id, restricted, objected_marketing, objected_processing FROM subjects ORDER BY id")
            defer { subjectRows.reset() }
            let wanted = subjects.map(Set.init)
            // Few distinct states occur (flags × consent status): decide each once.
            var decided: [SubjectState: (decision: AccessDecision, fieldSet: Int?)] = [:]
            var fieldSets: [[String]: Int] = [:]
            while try subjectRows.step() {
                let raw = subjectRows.columnBytes(0)
                guard raw.count == 16 else { continue }
                let id = SubjectID(raw: raw)
                // Advance the consent rows to this subject.
                var consent = ConsentStatus.absent
                var byGuardian = false
                while consentCurrent {
                    let other = consentRows.columnBytes(0)
                    if other.count == 16 {
                        let otherID = SubjectID(raw: other)
                        if id < otherID { break }
                        if otherID == id {
                            consent = ConsentStatus(row: consentRows, columnsFrom: 1, at: now)
                            byGuardian = consentRows.int64(3) != 0
                        }
                    }
                    consentCurrent = try consentRows.step()
                }
                if let wanted, !wanted.contains(id) { continue }
                let state = SubjectState(
                    isRestricted: subjectRows.int64(1) != 0, hasObjectedToDirectMarketing: subjectRows.int64(2) != 0,
                    hasObjectedToLegitimateInterest: subjectRows.int64(3) != 0, consent: consent, isMinor: false,
                    hasGuardianConsent: byGuardian)
                let outcome: (decision: AccessDecision, fieldSet: Int?)
                if let known = decided[state] {
                    outcome = known
                } else {
                    let decision = plan.decide(for: state)
                    var set: Int?
                    if !decision.allowedFields.isEmpty {
                        set = fieldSets[decision.allowedFields]
                        if set == nil {
                            set = allowed.addFieldSet(Set(decision.allowedFields))
                            fieldSets[decision.allowedFields] = set
                        }
                    }
                    outcome = (decision, set)
                    decided[state] = outcome
                }
                if let set = outcome.fieldSet {
                    allowed.append(id, fieldSet: set)
                } else {
                    let decision = outcome.decision
                    summary.denied[decision.deniedFields.first?.reason.description ?? decision.summary, default: 0] += 1
                }
            }
            summary.returned = allowed.count
            let deniedCount = summary.denied.values.reduce(0, +)
            let outcome = allowed.isEmpty ? "denied" : (deniedCount > 0 ? "partial" : "allowed")
            var reason = "\(allowed.count) subjects returned"
            if deniedCount > 0 {
                reason +=
                    "; \(deniedCount) denied: "
                    + summary.denied.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(
                        separator: "; ")
            }
            let entries = try AuditLog.append(
                [draft(action, allowed.ids, fields, plan.purpose, outcome, reason)], at: now, in: db,
                keyring: vault.keyring)
            summary.auditSequence = entries[0].seq
        }
        return (allowed, summary)
    }

    private func draft(
        _ action: String, _ subjects: [SubjectID], _ fields: [String], _ purpose: String, _ decision: String,
        _ reason: String
    )
        -> AuditLog.Draft
    {
        AuditLog.Draft(
            actor: actor, role: vault.roleName(of: actor), purpose: purpose, action: action, subjects: subjects,
            fields: fields, decision: decision, reason: reason)
    }
}

extension AccessDecision.Outcome {
    /// How the audit log spells the outcome.
    var auditName: String {
        switch self {
        case .allowed: "allowed"
        case .partiallyAllowed: "partial"
        case .denied: "denied"
        }
    }
}

/// A row of `consent_state`.
struct ConsentRow {
    let status: String
    let expiresAt: Int64?
    let byGuardian: Bool

    init(row: Statement) {
        status = row.text(1) ?? "absent"
        expiresAt = row.isNull(2) ? nil : row.int64(2)
        byGuardian = row.int64(3) != 0
    }

    init(status: String, expiresAt: Int64?, byGuardian: Bool) {
        self.status = status
        self.expiresAt = expiresAt
        self.byGuardian = byGuardian
    }

    func status(at now: Int64) -> ConsentStatus {
        let status = ConsentStatus(rawValue: status) ?? .absent
        if status == .granted, let expiresAt, expiresAt <= now { return .expired }
        return status
    }
}

extension Vault {
    /// The accessors for `actor`.
    public func access(as actor: Actor) -> Access { Access(vault: self, actor: actor) }

    /// The policy state of a subject for a decision.
    func subjectState(_ record: SubjectRecord, consentPurpose: String?, now: Int64, in db: Connection) throws
        -> SubjectState
    {
        var consent: ConsentRow?
        if let consentPurpose {
            try db.forEachRow(
                "SELECT subject, status, expires_at, by_guardian FROM consent_state WHERE subject = ? AND purpose = ?",
                [record.id.bytes, consentPurpose]
            ) { consent = ConsentRow(row: $0) }
        }
        return makeState(record, consent: consent, now: now)
    }

    func makeState(_ record: SubjectRecord, consent: ConsentRow?, now: Int64) -> SubjectState {
        SubjectState(
            isRestricted: record.restricted, hasObjectedToDirectMarketing: record.objectedToMarketing,
            hasObjectedToLegitimateInterest: record.objectedToProcessing,
            consent: consent?.status(at: now) ?? .absent, isMinor: false,
            hasGuardianConsent: consent?.byGuardian ?? false)
    }
}
