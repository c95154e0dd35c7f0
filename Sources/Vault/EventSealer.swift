import VaultCrypto

/// Seals event properties for a batch of appends without allocating per event: the message
/// token, the associated data `e ‖ subject ‖ token` (`Binding.event`) and the sealed value are
/// built in buffers reused from one event to the next.
final class EventSealer {
    private let messages: DomainTokenizer
    /// `e ‖ subject ‖ message token`.
    private var associatedData = [UInt8](repeating: 0, count: 1 + 16 + BlindIndexer.tokenSize)
    private var sealed: SealedBuffer

    init(indexer: BlindIndexer, run: SealRun) throws {
        sealed = SealedBuffer(run: run)
        messages = try DomainTokenizer(indexer, domain: "message")
        associatedData[0] = Binding.eventTag
    }

    /// Seals `event`'s properties under `key` and calls `body` with the message token and the
    /// sealed value, both valid only during the call.
    func seal<R>(
        _ event: NewEvent, key: DataKey, keyVersion: UInt32,
        _ body: (_ message: UnsafeRawBufferPointer, _ sealed: UnsafeRawBufferPointer) throws -> R
    ) throws -> R {
        try associatedData.withUnsafeMutableBytes { ad in
            event.subject.withBytes { UnsafeMutableRawBufferPointer(rebasing: ad[1..<17]).copyMemory(from: $0) }
            let message = UnsafeMutableRawBufferPointer(rebasing: ad[17...])
            messages.token(event.messageID, into: message)
            return try event.properties.withUnsafeBytes { properties in
                try sealed.seal(
                    properties, key: key, keyVersion: keyVersion, associatedData: UnsafeRawBufferPointer(ad)
                ) { try body(UnsafeRawBufferPointer(message), $0) }
            }
        }
    }
}

@available(*, unavailable)
extension EventSealer: Sendable {}
