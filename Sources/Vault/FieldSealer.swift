import VaultCrypto

/// Seals field values for bulk writes without allocating per value: the encoded value, the
/// associated data `f ‖ subject ‖ field name` (`Binding.field`) and the sealed value are built in
/// buffers reused from one value to the next.
final class FieldSealer {
    private var plaintext: [UInt8] = []
    private var associatedData: [UInt8] = []
    private var sealed: SealedBuffer

    init(run: SealRun) { sealed = SealedBuffer(run: run) }

    /// Seals `value` of `field` of `subject` under `key` and calls `body` with the sealed value,
    /// valid only during the call.
    func seal<R>(
        _ value: FieldValue, of field: String, subject: SubjectID, key: DataKey, keyVersion: UInt32,
        _ body: (_ sealed: UnsafeRawBufferPointer) throws -> R
    ) throws -> R {
        value.encode(into: &plaintext)
        associatedData.removeAll(keepingCapacity: true)
        associatedData.append(Binding.fieldTag)
        subject.append(to: &associatedData)
        associatedData.append(contentsOf: field.utf8)
        defer { plaintext.withUnsafeMutableBytes { SecureMemory.wipe($0) } }
        return try plaintext.withUnsafeBytes { plaintext in
            try associatedData.withUnsafeBytes { ad in
                try sealed.seal(plaintext, key: key, keyVersion: keyVersion, associatedData: ad, body)
            }
        }
    }
}

@available(*, unavailable)
extension FieldSealer: Sendable {}
