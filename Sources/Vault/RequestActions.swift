import Foundation
import Policy
import VaultStore

/// The answers to access, portability, rectification, restriction and objection requests.
extension Vault {
    /// Builds the export of everything held about the request's subject (GDPR Art. 15 and 20,
    /// 152-FZ Art. 14) and audits it as an `export`. The request must be verified; the caller
    /// writes the files and then completes the request.
    public func buildExport(requestID: String, as actor: Actor, eventLimit: Int = 100_000) throws -> SubjectExport {
        try store.write { db in
            guard let request = try RequestTable.load(requestID, in: db) else {
                throw VaultError(.invalidArgument, "no request \(requestID)")
            }
            guard [.access, .portability].contains(request.kind) else {
                throw VaultError(
                    .invalidArgument,
                    "request \(requestID) is a \(request.kind.rawValue) request, not access or portability")
            }
            try requireVerified(request)
            let plan = plans.plan(actor: actor.name, purpose: "dsr", fields: policy.fields.map(\.name))
            guard !plan.isDeniedForEverySubject else {
                throw VaultError(.denied, "actor \(actor.name) may not read personal data for purpose dsr")
            }
            guard let record = try SubjectRecord.load(request.subject, in: db) else {
                throw VaultError(.unknownSubject, "subject \(request.subject) no longer exists")
            }
            let now = clock.now()
            let fields = try decryptFields(of: record, names: Set(plan.grantedFields), withTimes: true, in: db)
            let events = try decryptEvents(of: record, in: db)
            var identities: [SubjectExport.Identity] = []
            try db.forEachRow(
                "SELECT kind, count(*) FROM identities WHERE subject = ? GROUP BY kind ORDER BY kind", [record.id.bytes]
            ) {
                identities.append(.init(kind: $0.text(0) ?? "", count: Int($0.int64(1))))
            }
            var consents: [SubjectExport.Consent] = []
            try db.forEachRow(
                "SELECT \(ConsentLedgerTable.columns) FROM consent_ledger WHERE subject = ? ORDER BY seq",
                [record.id.bytes]
            ) {
                let c = ConsentLedgerTable.record(from: $0)
                consents.append(
                    .init(
                        seq: c.seq, purpose: c.purpose, status: c.status, textVersion: c.textVersion,
                        textHash: c.textHash,
                        source: c.source, collectedAt: VaultTime.iso8601(c.collectedAt),
                        expiresAt: c.expiresAt.map(VaultTime.iso8601),
                        givenBy: c.givenBy))
            }
            var accessLog: [SubjectExport.Access] = []
            let touching = try AuditSubjectSet.entries(touching: record.id, in: db)
            let accessRow = try db.statement(
                "SELECT seq, at, actor, role, purpose, action, decision FROM audit_log WHERE seq = ?")
            for seq in touching {
                try accessRow.bind([seq])
                defer { accessRow.reset() }
                guard try accessRow.step() else { continue }
                let row = accessRow
                accessLog.append(
                    .init(
                        seq: row.int64(0), at: VaultTime.iso8601(row.int64(1)), actor: row.text(2) ?? "",
                        role: row.text(3) ?? "", purpose: row.text(4) ?? "", action: row.text(5) ?? "",
                        decision: row.text(6) ?? ""))
            }
            let language =
                fields.first { $0.name == "language" }?.value.text ?? (record.jurisdiction == "152fz" ? "ru" : "en")
            let export = SubjectExport(
                generatedAt: VaultTime.iso8601(now), language: language,
                dataOperator: .init(
                    name: policy.dataOperator.name, address: policy.dataOperator.address,
                    contact: policy.dataOperator.contact),
                request: .init(
                    id: request.id, kind: request.kind.rawValue, receivedAt: VaultTime.iso8601(request.receivedAt),
                    dueAt: VaultTime.iso8601(request.effectiveDueAt)),
                subject: .init(
                    id: record.id.description, jurisdiction: record.jurisdiction,
                    createdAt: VaultTime.iso8601(record.createdAt),
                    restricted: record.restricted, objectedToMarketing: record.objectedToMarketing),
                fields: fields.sorted { $0.name < $1.name }.map { field in
                    let definition = policy.field(named: field.name)
                    return .init(
                        name: field.name, fieldClass: definition?.fieldClass.rawValue ?? "unknown",
                        value: field.value.text,
                        source: field.source, updatedAt: field.times.map { VaultTime.iso8601($0.updatedAt) } ?? "",
                        rectifiedAt: field.times?.rectifiedAt.map(VaultTime.iso8601),
                        retention: definition?.retentionDays.map { "\($0) days" }
                            ?? "while the customer relationship lasts",
                        legalHold: definition?.legalHold.map { "\($0.reason) (\($0.days) days)" })
                },
                identities: identities,
                events: events.suffix(eventLimit).map {
                    .init(
                        type: $0.type, at: VaultTime.iso8601($0.at), source: $0.source,
                        properties: String(decoding: $0.properties, as: UTF8.self))
                },
                consents: consents,
                moduleRecords: try moduleRecords(of: record.id, in: db).map {
                    .init(module: $0.module, kind: $0.kind, key: $0.key, updatedAt: VaultTime.iso8601($0.updatedAt))
                },
                accessLog: accessLog,
                purposes: policy.purposes.map {
                    .init(name: $0.name, basis: $0.basis.rawValue, description: $0.description)
                },
                recipients: exportRecipients(),
                rights: exportRights(jurisdiction: record.jurisdiction))
            try AuditLog.append(
                [
                    AuditLog.Draft(
                        actor: actor, role: roleName(of: actor), purpose: "dsr", action: "export",
                        subjects: [record.id],
                        fields: fields.map(\.name).sorted() + ["events"], decision: "allowed",
                        reason:
                            "\(request.kind.rawValue) request \(request.id): \(fields.count) fields, \(events.count) events, \(consents.count) consent records"
                    )
                ], at: now, in: db, keyring: keyring)
            if request.state == .verified {
                var started = request
                started.state = .inProgress
                try RequestTable.update(started, in: db)
            }
            return export
        }
    }

    /// Rectifies fields (GDPR Art. 16, 152-FZ Art. 21(2)): stores the corrected values and records
    /// that each field was rectified — never the old value — then completes the request.
    @discardableResult
    public func rectify(requestID: String, values: [String: FieldValue], as actor: Actor) throws -> DataSubjectRequest {
        try store.write { db in
            guard let request = try RequestTable.load(requestID, in: db), request.kind == .rectification else {
                throw VaultError(.invalidArgument, "no rectification request \(requestID)")
            }
            try requireVerified(request)
            for name in values.keys where policy.field(named: name) == nil {
                throw VaultError(.unknownField, "field \(name) is not in the policy")
            }
            let writer = VaultWriter(vault: self, db: db, now: clock.now())
            for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                try writer.setField(name, of: request.subject, to: value, source: "rectification \(requestID)")
                try writer.markRectified(name, of: request.subject)
            }
            try writer.finish()
            return try transition(
                requestID, action: "rectify", actor: actor,
                reason: "rectified: \(values.keys.sorted().joined(separator: ", "))", db: db
            ) { request, now in
                request.state = .completed
                request.completedAt = now
                request.result = "rectified fields: \(values.keys.sorted().joined(separator: ", "))"
            }
        }
    }

    /// Restricts processing (GDPR Art. 18, 152-FZ blocking) — or lifts it — for a restriction request.
    @discardableResult
    public func restrict(requestID: String, lift: Bool = false, as actor: Actor) throws -> DataSubjectRequest {
        try store.write { db in
            guard let request = try RequestTable.load(requestID, in: db), request.kind == .restriction else {
                throw VaultError(.invalidArgument, "no restriction request \(requestID)")
            }
            try requireVerified(request)
            try db.run(
                "UPDATE subjects SET restricted = ?, updated_at = ? WHERE id = ?",
                [!lift, clock.now(), request.subject.bytes])
            return try transition(
                requestID, action: lift ? "restriction-lifted" : "restrict", actor: actor,
                reason: lift ? "restriction lifted" : "processing restricted", db: db
            ) {
                request, now in
                request.state = .completed
                request.completedAt = now
                request.result =
                    lift
                    ? "restriction lifted"
                    : "processing restricted: only storage, legal claims and the subject's requests"
            }
        }
    }

    /// Records an objection (GDPR Art. 21(2)-(3) to direct marketing, absolute and immediate;
    /// with `toProcessing`, Art. 21(1) to legitimate-interest processing; 152-FZ Art. 15) and
    /// cancels the subject's queued marketing sends.
    @discardableResult
    public func object(requestID: String, toProcessing: Bool = false, as actor: Actor) throws -> (
        DataSubjectRequest, cancelled: Int
    ) {
        try store.write { db in
            guard let request = try RequestTable.load(requestID, in: db), request.kind == .objection else {
                throw VaultError(.invalidArgument, "no objection request \(requestID)")
            }
            try requireVerified(request)
            try db.run(
                "UPDATE subjects SET objected_marketing = 1, objected_processing = max(objected_processing, ?), updated_at = ? WHERE id = ?",
                [toProcessing, clock.now(), request.subject.bytes])
            let cancelled = try cancelQueued(request.subject, purposePrefix: "marketing.", in: db)
            let updated = try transition(
                requestID, action: "object", actor: actor,
                reason:
                    "objection to direct marketing\(toProcessing ? " and to legitimate-interest processing" : ""); \(cancelled) queued sends cancelled",
                db: db
            ) { request, now in
                request.state = .completed
                request.completedAt = now
                request.result = "objection recorded; \(cancelled) queued marketing messages cancelled"
            }
            return (updated, cancelled)
        }
    }

    private func exportRecipients() -> [SubjectExport.Recipient] {
        [
            .init(name: policy.dataOperator.name, role: "controller / operator"),
            .init(
                name: "E-mail, SMS, push and Viber delivery providers", role: "processors for messages you consented to"
            ),
        ]
    }

    private func exportRights(jurisdiction: String) -> [SubjectExport.Right] {
        if jurisdiction == "152fz" {
            return [
                .init(
                    article: "152-FZ Art. 14",
                    title: "access to your personal data and information about its processing"),
                .init(
                    article: "152-FZ Art. 14(1), 21",
                    title:
                        "rectification, blocking or destruction of incomplete, inaccurate or unlawfully processed data"),
                .init(article: "152-FZ Art. 9(2)", title: "withdrawal of consent"),
                .init(article: "152-FZ Art. 15", title: "objection to processing for direct marketing"),
                .init(article: "152-FZ Art. 17", title: "appeal to Roskomnadzor or a court"),
            ]
        }
        return [
            .init(article: "GDPR Art. 15", title: "access"), .init(article: "GDPR Art. 16", title: "rectification"),
            .init(article: "GDPR Art. 17", title: "erasure"),
            .init(article: "GDPR Art. 18", title: "restriction of processing"),
            .init(article: "GDPR Art. 20", title: "data portability"),
            .init(article: "GDPR Art. 21", title: "objection"),
            .init(article: "GDPR Art. 7(3)", title: "withdrawal of consent at any time"),
            .init(article: "GDPR Art. 77", title: "complaint to a supervisory authority"),
        ]
    }
}
