import Foundation
public import Normalization
import Policy
import VaultCrypto
import VaultStore

/// What an erasure did.
public struct ErasureResult: Sendable, Equatable, Codable {
    public var requestID: String
    public var subject: SubjectID
    /// True when nothing was held: the data key is destroyed and every row is gone.
    public var fullyErased: Bool
    /// Categories kept under a legal hold (restricted, not erased), with reason and date.
    public var held: [DestructionRecord.Hold]
    /// Counts of what was removed.
    public var counts: [String: Int]
    /// Identifiers added to the suppression list.
    public var suppressed: Int
    /// The stored destruction record.
    public var destructionRecordID: String
}

extension Vault {
    /// Answers verified erasure requests (GDPR Art. 17, 152-FZ Art. 21): in one transaction per
    /// batch, deletes every field, identity, event, consent state and module record of each subject
    /// — except categories the policy holds by law, which stay encrypted and restricted — adds
    /// keyed hashes to the erasure ledger (and suppression list when asked or when the person
    /// objected), writes a signed, encrypted destruction record, and completes the request. When
    /// nothing is held the subject row with its wrapped data key goes too (crypto-shredding).
    /// Afterwards the WAL is checkpointed and truncated.
    public func erase(requests ids: [String], suppress: Bool = false, as actor: Actor) throws -> [ErasureResult] {
        var results: [ErasureResult] = []
        var ledgerLines: [String] = []
        try store.write { db in
            for id in ids {
                let (result, lines) = try erase(requestID: id, suppress: suppress, actor: actor, db: db)
                results.append(result)
                ledgerLines += lines
            }
        }
        for result in results where result.fullyErased { keyring.forget(result.subject) }
        try ErasureLedgerFile.append(ledgerLines, in: directory)
        try store.withWriter { try $0.checkpointAndTruncateWAL() }
        return results
    }

    private func erase(requestID: String, suppress: Bool, actor: Actor, db: Connection) throws -> (
        ErasureResult, [String]
    ) {
        guard let request = try RequestTable.load(requestID, in: db) else {
            throw VaultError(.invalidArgument, "no request \(requestID)")
        }
        guard request.kind == .erasure else {
            throw VaultError(.invalidArgument, "request \(requestID) is a \(request.kind.rawValue) request")
        }
        try requireVerified(request)
        let subject = request.subject
        guard let record = try SubjectRecord.load(subject, in: db) else {
            throw VaultError(.unknownSubject, "subject \(subject) no longer exists")
        }
        let now = clock.now()
        let fields = try decryptFields(of: record, names: nil, in: db)

        // What the law keeps.
        var held: [DestructionRecord.Hold] = []
        var heldFields: Set<String> = []
        for field in fields {
            if let hold = policy.field(named: field.name)?.legalHold {
                heldFields.insert(field.name)
                held.append(
                    .init(
                        category: "field \(field.name)", reason: hold.reason,
                        until: VaultTime.iso8601(now + Int64(hold.days) * VaultTime.day)))
            }
        }
        var eventCounts: [String: Int] = [:]
        var heldTypes: Set<String> = []
        try db.forEachRow("SELECT type, count(*), max(at) FROM events WHERE subject = ? GROUP BY type", [subject.bytes])
        { row in
            let type = row.text(0) ?? ""
            eventCounts[type] = Int(row.int64(1))
            if let hold = policy.eventType(named: type).legalHold {
                heldTypes.insert(type)
                held.append(
                    .init(
                        category: "events \(type)", reason: hold.reason,
                        until: VaultTime.iso8601(row.int64(2) + Int64(hold.days) * VaultTime.day)))
            }
        }

        // Suppression: keyed hashes of contact identifiers, so a later import can't bring them back.
        var suppressed = 0
        if suppress || record.objectedToMarketing {
            for field in fields where ["email", "phone"].contains(field.name) {
                let kind: IdentityKind = field.name == "email" ? .email : .phone
                guard let normalized = try? Normalizer.identifier(field.value.text, kind: kind, region: nil) else {
                    continue
                }
                try db.run(
                    "INSERT OR IGNORE INTO suppression (kind, token, added_at, reason) VALUES (?, ?, ?, ?)",
                    [kind.rawValue, suppressionToken(kind, normalized), now, "erasure \(requestID)"])
                suppressed += db.changes
            }
        }

        // Erasure ledger: keyed hashes of the subject id and of each identity token.
        var ledger: [(String, [UInt8])] = [
            (held.isEmpty ? "subject" : "subject-held", erasureToken("subject", subject.bytes))
        ]
        try db.forEachRow("SELECT kind, token FROM identities WHERE subject = ?", [subject.bytes]) {
            ledger.append(($0.text(0) ?? "", erasureToken($0.text(0) ?? "", $0.blob(1))))
        }
        for (kind, token) in ledger {
            try db.run(
                "INSERT OR IGNORE INTO erasure_ledger (kind, token, erased_at) VALUES (?, ?, ?)", [kind, token, now])
        }

        // Delete (the subject row goes only when nothing is held).
        let fullyErased = held.isEmpty
        let counts = try SubjectPurge.purge(
            subject.bytes, keepingFields: Array(heldFields), keepingEventTypes: Array(heldTypes),
            deleteSubjectRow: fullyErased, in: db)
        if !fullyErased {
            try db.run(
                "UPDATE subjects SET restricted = 1, erasure_requested_at = ?, updated_at = ? WHERE id = ?",
                [now, now, subject.bytes])
        }

        // The audit entry, then the destruction record that cites it.
        let recordID = "D-" + Hex.encode(try CryptoRandom.bytes(6))
        let entry = try AuditLog.append(
            [
                AuditLog.Draft(
                    actor: actor, role: roleName(of: actor), purpose: "dsr", action: "erase", subjects: [subject],
                    fields: fields.map(\.name).sorted(), decision: "allowed",
                    reason:
                        "erasure \(requestID): \(fullyErased ? "crypto-shredded" : "erased except \(held.count) held categories"); record \(recordID)"
                )
            ], at: now, in: db, keyring: keyring)[0]
        var categories = fields.map { field in
            "\(policy.field(named: field.name)?.fieldClass.rawValue ?? "field"): \(field.name)"
        }.sorted()
        categories += eventCounts.keys.sorted().map { "behavioural: events \($0)" }
        let name = ["first_name", "last_name"].compactMap { n in fields.first { $0.name == n }?.value.text }.joined(
            separator: " ")
        let destruction = DestructionRecord(
            id: recordID, regime: record.jurisdiction, operatorName: policy.dataOperator.name,
            operatorAddress: policy.dataOperator.address, subjectID: subject.description,
            subjectName: record.jurisdiction == "152fz" && !name.isEmpty ? name : nil, categories: categories,
            held: held,
            informationSystem: "Tresor customer data platform, vault \(vaultID)",
            method:
                "crypto-shredding: the subject's data key destroyed (when nothing is held); rows and blind indexes deleted with secure_delete; WAL checkpointed and truncated",
            reason:
                "data-subject erasure request \(requestID) received \(VaultTime.iso8601(request.receivedAt)) via \(request.channel)",
            requestID: requestID, destroyedAt: VaultTime.iso8601(now), performedBy: "\(actor.name) (\(actor.osUser))",
            counts: counts, auditSequence: entry.seq,
            auditHash: Hex.encode(entry.hash))
        let retentionDays = policy.regime(named: record.jurisdiction)?.destructionRecordRetentionDays ?? 1095
        try storeDestructionRecord(destruction, expiresAt: now + Int64(retentionDays) * VaultTime.day, in: db)

        let summary =
            fullyErased
            ? "erased: \(counts["fields"] ?? 0) fields, \(counts["events"] ?? 0) events, \(counts["identities"] ?? 0) identities; destruction record \(recordID)"
            : "erased except held categories (\(held.map(\.category).joined(separator: ", "))), subject restricted; destruction record \(recordID)"
        _ = try transition(requestID, action: "request-complete", actor: actor, reason: summary, db: db) {
            request, time in
            request.state = .completed
            request.completedAt = time
            request.result = summary
        }
        let result = ErasureResult(
            requestID: requestID, subject: subject, fullyErased: fullyErased, held: held, counts: counts,
            suppressed: suppressed, destructionRecordID: recordID)
        return (result, ledger.map { "\($0.0) \(Hex.encode($0.1))" })
    }

    /// The keyed token of an identifier on the suppression list (its own domain, so it never
    /// equals the identity blind index).
    func suppressionToken(_ kind: IdentityKind, _ normalized: String) -> [UInt8] {
        keyring.indexer.token(domain: "suppress:\(kind.rawValue)", value: normalized)
    }

    /// The keyed token of an erased subject id or identity token in the erasure ledger.
    func erasureToken(_ kind: String, _ bytes: [UInt8]) -> [UInt8] {
        keyring.indexer.token(domain: "erased:\(kind)", value: Hex.encode(bytes))
    }

    /// True when a normalised identifier is on the suppression list.
    public func isSuppressed(_ kind: IdentityKind, normalized value: String) throws -> Bool {
        try store.read { db in
            try db.scalarInt(
                "SELECT 1 FROM suppression WHERE kind = ? AND token = ?",
                [kind.rawValue, suppressionToken(kind, value)]) != nil
        }
    }

    // MARK: Destruction records

    func storeDestructionRecord(_ record: DestructionRecord, expiresAt: Int64, in db: Connection) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let plaintext = [UInt8](try encoder.encode(record))
        let key = try DataKey.generate()
        let context = Array("tresor.destruction\0\(record.id)".utf8)
        let wrapped = try KeyWrap.wrap(
            key, under: keyring.master, masterVersion: keyring.masterVersion, context: context)
        let body = try AEAD.seal(plaintext, key: key, keyVersion: 1, associatedData: context)
        let signature = keyring.signingKey.signature(for: plaintext)
        try db.run(
            "INSERT INTO destruction_records (id, regime, created_at, expires_at, wrapped_key, body, signature) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [record.id, record.regime, clock.now(), expiresAt, wrapped, body, signature])
    }

    /// Decrypts a destruction record and checks its signature (audited as a `dsr` read).
    public func destructionRecord(_ id: String, as actor: Actor) throws -> (
        record: DestructionRecord, signatureValid: Bool, signature: String
    ) {
        try store.write { db in
            var row: ([UInt8], [UInt8], [UInt8])?
            try db.forEachRow("SELECT wrapped_key, body, signature FROM destruction_records WHERE id = ?", [id]) {
                row = ($0.blob(0), $0.blob(1), $0.blob(2))
            }
            guard let (wrapped, body, signature) = row else {
                throw VaultError(.invalidArgument, "no destruction record \(id)")
            }
            let context = Array("tresor.destruction\0\(id)".utf8)
            let key: DataKey = try KeyWrap.unwrap(wrapped, under: keyring.master, context: context)
            let plaintext = try AEAD.open(body, key: key, associatedData: context)
            let record = try JSONDecoder().decode(DestructionRecord.self, from: Data(plaintext))
            try AuditLog.append(
                [
                    AuditLog.Draft(
                        actor: actor, role: roleName(of: actor), purpose: "dsr", action: "destruction-record-read",
                        subjects: [], fields: [id], decision: "allowed", reason: "")
                ], at: clock.now(), in: db, keyring: keyring)
            return (
                record, keyring.signingKey.publicKey.isValidSignature(signature, for: plaintext), Hex.encode(signature)
            )
        }
    }

    /// Stored destruction records, oldest first.
    public func destructionRecords() throws -> [DestructionRecordInfo] {
        try store.read { db in
            var records: [DestructionRecordInfo] = []
            try db.forEachRow(
                "SELECT id, regime, created_at, expires_at FROM destruction_records ORDER BY created_at, id"
            ) {
                records.append(
                    DestructionRecordInfo(
                        id: $0.text(0) ?? "", regime: $0.text(1) ?? "", createdAt: $0.int64(2), expiresAt: $0.int64(3)))
            }
            return records
        }
    }
}

/// The erasure ledger's copy outside the database (`erasures.ledger`, one `kind token` line per
/// erased subject id or identity): a restore of an older backup re-applies it.
enum ErasureLedgerFile {
    static let name = "erasures.ledger"

    static func append(_ lines: [String], in directory: URL) throws {
        guard !lines.isEmpty else { return }
        let path = directory.appendingPathComponent(name).path
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard fd >= 0 else { throw VaultError(.storage, "cannot open \(path)") }
        defer { close(fd) }
        let data = Array((lines.joined(separator: "\n") + "\n").utf8)
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        guard written == data.count else { throw VaultError(.storage, "cannot write \(path)") }
    }

    static func read(in directory: URL) -> [(String, [UInt8])] {
        guard let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let token = Hex.decode(String(parts[1])) else { return nil }
            return (String(parts[0]), token)
        }
    }
}
