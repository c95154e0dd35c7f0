/// One entry of the audit log. It holds random subject ids and field names, never personal values.
public struct AuditEntry: Sendable, Equatable, Codable {
    /// Position in the log, from 1, without gaps.
    public var seq: Int64
    /// When, in milliseconds since the epoch.
    public var at: Int64
    /// The policy actor (role or module).
    public var actor: String
    /// The actor's kind in the policy (`role` or `module`).
    public var role: String
    /// The operating-system user.
    public var osUser: String
    /// The declared purpose.
    public var purpose: String
    /// What was done (`read`, `scan`, `write`, `erase`, `export`, ...).
    public var action: String
    /// How many subjects the operation touched (stored in the entry's subject set).
    public var subjectCount: Int64
    /// BLAKE2b-256 of the sorted subject ids.
    public var subjectsDigest: [UInt8]
    /// Field names, comma-separated, in request order.
    public var fields: String
    /// `allowed`, `partial` or `denied`.
    public var decision: String
    /// Why (always set for a denial).
    public var reason: String
    /// The previous entry's hash.
    public var previousHash: [UInt8]
    /// This entry's hash.
    public var hash: [UInt8]

    /// The canonical encoding hashed into the chain (Audit/FORMAT.md, section "Entry encoding").
    func canonicalEncoding() -> [UInt8] {
        var encoder = CanonicalEncoder()
        encode(into: &encoder)
        return encoder.bytes
    }

    /// Appends the canonical encoding to `encoder` (which may be reused across entries).
    func encode(into encoder: inout CanonicalEncoder) {
        encoder.append(UInt64(bitPattern: seq))
        encoder.append(at)
        encoder.append(actor)
        encoder.append(role)
        encoder.append(osUser)
        encoder.append(purpose)
        encoder.append(action)
        encoder.append(UInt64(bitPattern: subjectCount))
        encoder.append(bytes: subjectsDigest)
        encoder.append(fields)
        encoder.append(decision)
        encoder.append(reason)
    }
}
