import Foundation
import Policy
import VaultCrypto
import VaultStore

/// The life of a data-subject request: open (with its due date under the subject's regime),
/// verify identity, extend with a reasoned notice, complete or reject. Every transition is audited.
extension Vault {
    /// Opens a request for `subject`; the due date follows the subject's regime (GDPR: one
    /// calendar month; 152-FZ: ten working days, Russian holidays skipped).
    public func openRequest(
        kind: DataSubjectRequest.Kind, subject: SubjectID, channel: String, receivedAt: Int64? = nil, as actor: Actor
    ) throws -> DataSubjectRequest {
        try store.write { db in
            guard let record = try SubjectRecord.load(subject, in: db) else {
                throw VaultError(.unknownSubject, "subject \(subject) does not exist")
            }
            let received = receivedAt ?? clock.now()
            let request = DataSubjectRequest(
                id: "R-" + Hex.encode(try CryptoRandom.bytes(6)), subject: subject, kind: kind, channel: channel,
                jurisdiction: record.jurisdiction, state: .received, receivedAt: received,
                dueAt: try dueDate(received, jurisdiction: record.jurisdiction, extended: false), extendedDueAt: nil,
                extensionReason: nil, verifiedBy: nil, verificationMethod: nil, verifiedAt: nil, completedAt: nil,
                rejectionReason: nil, result: "")
            try RequestTable.insert(request, in: db)
            try audit(
                request, action: "request-open",
                reason: "\(kind.rawValue) via \(channel), due \(VaultTime.iso8601(request.dueAt))", actor: actor, db: db
            )
            return request
        }
    }

    /// Records who verified the requester's identity and how (required before completion).
    @discardableResult
    public func verifyRequest(_ id: String, method: String, as actor: Actor) throws -> DataSubjectRequest {
        try transition(id, action: "request-verify", actor: actor, reason: "identity verified: \(method)") {
            request, now in
            guard request.state == .received else {
                throw VaultError(.invalidArgument, "request \(id) is \(request.state.rawValue), not received")
            }
            request.state = .verified
            request.verifiedBy = "\(actor.name) (\(actor.osUser))"
            request.verificationMethod = method
            request.verifiedAt = now
        }
    }

    /// Extends the deadline once with a reasoned notice (GDPR Art. 12(3): two more months;
    /// 152-FZ: five more working days).
    @discardableResult
    public func extendRequest(_ id: String, reason: String, as actor: Actor) throws -> DataSubjectRequest {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw VaultError(.invalidArgument, "an extension needs a reason that is sent to the person")
        }
        return try transition(id, action: "request-extend", actor: actor, reason: reason) { request, _ in
            guard !request.isClosed, request.extendedDueAt == nil else {
                throw VaultError(.invalidArgument, "request \(id) is closed or already extended")
            }
            request.extendedDueAt = try dueDate(request.receivedAt, jurisdiction: request.jurisdiction, extended: true)
            request.extensionReason = reason
            request.state = .extended
        }
    }

    /// Rejects a request with a reason (e.g. identity could not be verified, manifestly unfounded).
    @discardableResult
    public func rejectRequest(_ id: String, reason: String, as actor: Actor) throws -> DataSubjectRequest {
        try transition(id, action: "request-reject", actor: actor, reason: reason) { request, now in
            guard !request.isClosed else { throw VaultError(.invalidArgument, "request \(id) is already closed") }
            request.state = .rejected
            request.rejectionReason = reason
            request.completedAt = now
        }
    }

    /// Completes a verified request with a result summary (no personal values).
    @discardableResult
    public func completeRequest(_ id: String, result: String, as actor: Actor) throws -> DataSubjectRequest {
        try transition(id, action: "request-complete", actor: actor, reason: result) { request, now in
            try requireVerified(request)
            request.state = .completed
            request.completedAt = now
            request.result = result
        }
    }

    /// One request, or nil.
    public func request(_ id: String) throws -> DataSubjectRequest? {
        try store.read { db in try RequestTable.load(id, in: db) }
    }

    /// Requests, newest first; optionally only open ones overdue at now, or due within `days`.
    public func requests(overdue: Bool = false, dueWithinDays: Int? = nil, subject: SubjectID? = nil) throws
        -> [DataSubjectRequest]
    {
        let now = clock.now()
        let all = try store.read { db in
            var result: [DataSubjectRequest] = []
            try db.forEachRow("SELECT \(RequestTable.columns) FROM requests ORDER BY received_at DESC, id") {
                result.append(RequestTable.request(from: $0))
            }
            return result
        }
        return all.filter { request in
            if let subject, request.subject != subject { return false }
            if overdue && !request.isOverdue(at: now) { return false }
            if let days = dueWithinDays {
                if request.isClosed || request.effectiveDueAt > now + Int64(days) * VaultTime.day { return false }
            }
            return true
        }
    }

    // MARK: Internals

    func requireVerified(_ request: DataSubjectRequest) throws {
        guard request.verifiedAt != nil, [.verified, .inProgress, .extended].contains(request.state) else {
            throw VaultError(
                .invalidArgument,
                "request \(request.id) can't complete before the requester's identity is verified (tresor request verify)"
            )
        }
    }

    func transition(
        _ id: String, action: String, actor: Actor, reason: String,
        _ change: (inout DataSubjectRequest, Int64) throws -> Void
    ) throws -> DataSubjectRequest {
        try store.write { db in try transition(id, action: action, actor: actor, reason: reason, db: db, change) }
    }

    func transition(
        _ id: String, action: String, actor: Actor, reason: String, db: Connection,
        _ change: (inout DataSubjectRequest, Int64) throws -> Void
    ) throws -> DataSubjectRequest {
        guard var request = try RequestTable.load(id, in: db) else {
            throw VaultError(.invalidArgument, "no request \(id)")
        }
        try change(&request, clock.now())
        try RequestTable.update(request, in: db)
        try audit(request, action: action, reason: reason, actor: actor, db: db)
        return request
    }

    func audit(_ request: DataSubjectRequest, action: String, reason: String, actor: Actor, db: Connection) throws {
        try AuditLog.append(
            [
                AuditLog.Draft(
                    actor: actor, role: roleName(of: actor), purpose: "dsr", action: action,
                    subjects: [request.subject],
                    fields: [request.id], decision: "allowed", reason: reason)
            ], at: clock.now(), in: db, keyring: keyring)
    }

    /// The due instant: the end (23:59:59.999 UTC) of the day the regime's deadline falls on.
    func dueDate(_ received: Int64, jurisdiction: String, extended: Bool) throws -> Int64 {
        guard let regime = policy.regime(named: jurisdiction) ?? policy.regime(named: policy.defaultRegime.name) else {
            throw VaultError(.policy, "no regime \(jurisdiction) in the policy")
        }
        let holidays = holidayCalendars[jurisdiction] ?? .weekendsOnly
        let start = Date(timeIntervalSince1970: Double(received) / 1000)
        let due =
            extended
            ? regime.requestDeadline.extendedDueDate(receivedAt: start, holidays: holidays)
            : regime.requestDeadline.dueDate(receivedAt: start, holidays: holidays)
        let calendar = RequestDeadline.utcCalendar
        let endOfDay = calendar.startOfDay(for: due).addingTimeInterval(86_400 - 0.001)
        return Int64((endOfDay.timeIntervalSince1970 * 1000).rounded())
    }
}

/// Row mapping for `requests`.
enum RequestTable {
    static let columns = """
        id, subject, kind, channel, jurisdiction, state, received_at, due_at, extended_due_at, extension_reason,
        verified_by, verification_method, verified_at, completed_at, rejection_reason, result
        """

    static func insert(_ r: DataSubjectRequest, in db: Connection) throws {
        try db.run(
            "INSERT INTO requests (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values(r))
    }

    static func update(_ r: DataSubjectRequest, in db: Connection) throws {
        try db.run("DELETE FROM requests WHERE id = ?", [r.id])
        try insert(r, in: db)
    }

    static func values(_ r: DataSubjectRequest) -> [any DatabaseBindable] {
        [
            r.id, r.subject.bytes, r.kind.rawValue, r.channel, r.jurisdiction, r.state.rawValue, r.receivedAt, r.dueAt,
            r.extendedDueAt, r.extensionReason, r.verifiedBy, r.verificationMethod, r.verifiedAt, r.completedAt,
            r.rejectionReason, r.result,
        ]
    }

    static func load(_ id: String, in db: Connection) throws -> DataSubjectRequest? {
        var found: DataSubjectRequest?
        try db.forEachRow("SELECT \(columns) FROM requests WHERE id = ?", [id]) { found = request(from: $0) }
        return found
    }

    static func request(from row: Statement) -> DataSubjectRequest {
        func optionalInt(_ index: Int32) -> Int64? { row.isNull(index) ? nil : row.int64(index) }
        return DataSubjectRequest(
            id: row.text(0) ?? "", subject: SubjectID(bytes: row.blob(1)) ?? .malformed,
            kind: DataSubjectRequest.Kind(rawValue: row.text(2) ?? "") ?? .access, channel: row.text(3) ?? "",
            jurisdiction: row.text(4) ?? "", state: DataSubjectRequest.State(rawValue: row.text(5) ?? "") ?? .received,
            receivedAt: row.int64(6), dueAt: row.int64(7), extendedDueAt: optionalInt(8), extensionReason: row.text(9),
            verifiedBy: row.text(10), verificationMethod: row.text(11), verifiedAt: optionalInt(12),
            completedAt: optionalInt(13), rejectionReason: row.text(14), result: row.text(15) ?? "")
    }
}
