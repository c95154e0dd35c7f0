/// Keyed BLAKE2b blind indexes: equal normalised inputs give equal tokens under the same
/// index key, and nothing about the input can be learnt without that key.
public struct BlindIndexer: Sendable {
    let key: IndexKey
    /// Bytes of each token.
    public static let tokenSize = 16

    /// Creates an indexer under `key`.
    public init(key: IndexKey) { self.key = key }

    /// The token of `value` in `domain` (e.g. `email`, `phone`): the domain separates kinds,
    /// so the same string as an email and as an external id gives different tokens.
    public func token(domain: String, value: String) -> [UInt8] {
        // domain ‖ 0 ‖ value, assembled on the stack.
        var domain = domain
        var value = value
        return domain.withUTF8 { domainBytes in
            value.withUTF8 { valueBytes in
                let count = domainBytes.count + 1 + valueBytes.count
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { message in
                    _ = message.initialize(fromContentsOf: domainBytes)
                    message[domainBytes.count] = 0
                    _ = UnsafeMutableBufferPointer(rebasing: message[(domainBytes.count + 1)...])
                        .initialize(fromContentsOf: valueBytes)
                    return BLAKE2b.hash(
                        UnsafeRawBufferPointer(message), key: key.material, outputLength: Self.tokenSize)
                }
            }
        }
    }
}
