import VaultCrypto

/// Seals field values for bulk writes without allocating per value: the encoded value, the
/// associated data `f ‖ subject ‖ field name` (`Binding.field`) and the sealed value are built in
/// buffers reused from one value to the next.
final class FieldSealer {
    private var plaintext: [UInt8] = []
    private var associatedData: [UInt8] = []
    private var sealed: [UInt8] = []

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
        let format = AEAD.Format.personalData
        let needed = format.overhead + plaintext.count
        if sealed.count < needed { sealed = [UInt8](repeating: 0, count: max(needed, 2 * sealed.count, 256)) }
        defer { plaintext.withUnsafeMutableBytes { SecureMemory.wipe($0) } }
        return try plaintext.withUnsafeBytes { plaintext in
            try associatedData.withUnsafeBytes { ad in
                try sealed.withUnsafeMutableBytes { output in
                    let length = try AEAD.seal(
                        bytes: plaintext, key: key, keyVersion: keyVersion, associatedData: ad, format: format,
                        into: output)
                    return try body(UnsafeRawBufferPointer(rebasing: output[..<length]))
                }
            }
        }
    }
}

@available(*, unavailable)
extension FieldSealer: Sendable {}
