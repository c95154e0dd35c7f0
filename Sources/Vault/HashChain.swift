import VaultCrypto

/// The hash chain shared by the audit log and the consent ledger:
/// `hash(n) = BLAKE2b-256(domain ‖ hash(n-1) ‖ canonical(entry n))`, with 32 zero bytes before
/// the first entry. The domain separates logs, so an entry of one can't be replayed in the other.
struct HashChain {
    /// The domain string (e.g. `tresor.audit.v1`), hashed with a terminating zero byte.
    let domain: String

    /// The hash before the first entry.
    static let genesis = [UInt8](repeating: 0, count: 32)

    /// The hash of an entry given its predecessor's hash and its canonical encoding.
    func link(previous: [UInt8], encoded: [UInt8]) -> [UInt8] {
        var message = Array(domain.utf8)
        message.append(0)
        message.reserveCapacity(message.count + 32 + encoded.count)
        message.append(contentsOf: previous)
        message.append(contentsOf: encoded)
        return BLAKE2b.hash(message, outputLength: 32)
    }

    static let audit = HashChain(domain: "tresor.audit.v1")
    static let consent = HashChain(domain: "tresor.consent.v1")

    /// The digest of a set of subject ids: BLAKE2b-256(`tresor.subjects.v1\0` ‖ sorted 16-byte ids).
    static func subjectsDigest(_ subjects: [SubjectID]) -> [UInt8] {
        var message = Array("tresor.subjects.v1\0".utf8)
        message.reserveCapacity(message.count + subjects.count * 16)
        for subject in subjects.sorted() { message.append(contentsOf: subject.bytes) }
        return BLAKE2b.hash(message, outputLength: 32)
    }
}
