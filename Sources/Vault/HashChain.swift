import VaultCrypto

/// The hash chain shared by the audit log and the consent ledger:
/// `hash(n) = BLAKE2b-256(domain ‖ hash(n-1) ‖ canonical(entry n))`, with 32 zero bytes before
/// the first entry. The domain separates logs, so an entry of one can't be replayed in the other.
struct HashChain {
    /// The domain string (e.g. `tresor.audit.v1`), hashed with a terminating zero byte.
    let domain: String
    /// The domain and its terminating zero byte, made once.
    let prefix: [UInt8]

    init(domain: String) {
        self.domain = domain
        prefix = Array(domain.utf8) + [0]
    }

    /// The hash before the first entry.
    static let genesis = [UInt8](repeating: 0, count: 32)

    /// The hash of an entry given its predecessor's hash and its canonical encoding.
    func link(previous: [UInt8], encoded: [UInt8]) -> [UInt8] {
        previous.withUnsafeBytes { previous in
            encoded.withUnsafeBytes { encoded in link(previous: previous, encoded: encoded) }
        }
    }

    /// The hash of an entry from bytes read in place.
    func link(previous: UnsafeRawBufferPointer, encoded: UnsafeRawBufferPointer) -> [UInt8] {
        var message: [UInt8] = []
        message.reserveCapacity(prefix.count + previous.count + encoded.count)
        message.append(contentsOf: prefix)
        message.append(contentsOf: previous)
        message.append(contentsOf: encoded)
        return BLAKE2b.hash(message, outputLength: 32)
    }

    /// Checks links without allocating: keeps one message buffer and one digest buffer.
    struct Checker {
        private let prefix: [UInt8]
        /// One incremental hash, reset per entry: the message is never assembled in a buffer.
        private let hasher = BLAKE2bHasher(outputLength: 32)
        private var digest = [UInt8](repeating: 0, count: 32)

        init(_ chain: HashChain) { prefix = chain.prefix }

        /// True when `hash` = BLAKE2b-256(domain ‖ 0 ‖ previous ‖ encoded).
        mutating func matches(previous: [UInt8], encoded: [UInt8], hash: [UInt8]) -> Bool {
            hasher.reset()
            prefix.withUnsafeBytes { hasher.update($0) }
            previous.withUnsafeBytes { hasher.update($0) }
            encoded.withUnsafeBytes { hasher.update($0) }
            digest.withUnsafeMutableBytes { hasher.finalize(into: $0) }
            return digest == hash
        }
    }

    static let audit = HashChain(domain: "tresor.audit.v1")
    static let consent = HashChain(domain: "tresor.consent.v1")
}
