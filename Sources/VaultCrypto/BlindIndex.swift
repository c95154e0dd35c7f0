/// Keyed BLAKE2b blind indexes: equal normalised inputs give equal tokens under the same
/// index key, and nothing about the input can be learnt without that key.
public struct BlindIndexer: Sendable {
    private let key: IndexKey
    /// Bytes of each token.
    public static let tokenSize = 16

    /// Creates an indexer under `key`.
    public init(key: IndexKey) { self.key = key }

    /// The token of `value` in `domain` (e.g. `email`, `phone`): the domain separates kinds,
    /// so the same string as an email and as an external id gives different tokens.
    public func token(domain: String, value: String) -> [UInt8] {
        var message: [UInt8] = []
        message.reserveCapacity(domain.utf8.count + 1 + value.utf8.count)
        message.append(contentsOf: domain.utf8)
        message.append(0)
        message.append(contentsOf: value.utf8)
        return message.withUnsafeBytes { BLAKE2b.hash($0, key: key.material, outputLength: Self.tokenSize) }
    }
}
