import VaultCrypto

/// Seals event properties for a batch of appends without allocating per event: the message
/// token, the associated data `e ‖ subject ‖ token` (`Binding.event`) and the sealed value are
/// built in buffers reused from one event to the next.
final class EventSealer {
    private let messages: DomainTokenizer
    // Only `seal` touches these, and `body` never reaches back into the sealer: the runtime's
    // exclusivity checks (two per event) are off.
    /// `e ‖ subject ‖ message token`.
    @exclusivity(unchecked) private var associatedData = [UInt8](repeating: 0, count: 1 + 16 + BlindIndexer.tokenSize)
    @exclusivity(unchecked) private var sealed: SealedBuffer

    init(indexer: BlindIndexer, run: SealRun) throws {
        sealed = SealedBuffer(run: run)
        messages = try DomainTokenizer(indexer, domain: "message")
        associatedData[0] = Binding.eventTag
    }

    /// Seals the `properties` of `subject`'s event with message id `messageID` (UTF-8) under
    /// `key` and calls `body` with the message token and the sealed value, both valid only during
    /// the call.
    func seal<R>(
        subject: SubjectID, messageID: UnsafeRawBufferPointer, properties: UnsafeRawBufferPointer, key: DataKey,
        keyVersion: UInt32, _ body: (_ message: UnsafeRawBufferPointer, _ sealed: UnsafeRawBufferPointer) throws -> R
    ) throws -> R {
        try associatedData.withUnsafeMutableBytes { ad in
            subject.withBytes { UnsafeMutableRawBufferPointer(rebasing: ad[1..<17]).copyMemory(from: $0) }
            let message = UnsafeMutableRawBufferPointer(rebasing: ad[17...])
            messages.token(utf8: messageID, into: message)
            return try sealed.seal(
                properties, key: key, keyVersion: keyVersion, associatedData: UnsafeRawBufferPointer(ad)
            ) { try body(UnsafeRawBufferPointer(message), $0) }
        }
    }
}

@available(*, unavailable)
extension EventSealer: Sendable {}
