import VaultCrypto

/// Seals field values for bulk writes without allocating per value: the encoded value, the
/// associated data `f ‖ subject ‖ field name` (`Binding.field`) and the sealed value are built in
/// buffers reused from one value to the next. Strings and dates (nearly every value) are encoded
/// straight from their UTF-8 into raw memory; the plaintext is wiped after each seal.
final class FieldSealer {
    // Only `seal` touches these, and `body` never reaches back into the sealer: the runtime's
    // exclusivity checks (several per value) are off.
    @exclusivity(unchecked) private var plaintext: UnsafeMutableRawPointer
    @exclusivity(unchecked) private var plaintextCapacity: Int
    @exclusivity(unchecked) private var associatedData: UnsafeMutableRawPointer
    @exclusivity(unchecked) private var associatedDataCapacity: Int
    @exclusivity(unchecked) private var sealed: SealedBuffer

    init(run: SealRun) {
        sealed = SealedBuffer(run: run)
        plaintextCapacity = 256
        plaintext = .allocate(byteCount: plaintextCapacity, alignment: 16)
        associatedDataCapacity = 128
        associatedData = .allocate(byteCount: associatedDataCapacity, alignment: 16)
    }

    deinit {
        SecureMemory.wipe(UnsafeMutableRawBufferPointer(start: plaintext, count: plaintextCapacity))
        plaintext.deallocate()
        associatedData.deallocate()
    }

    /// Seals `value` of `field` of `subject` under `key` and calls `body` with the sealed value,
    /// valid only during the call.
    func seal<R>(
        _ value: FieldValue, of field: String, subject: SubjectID, key: DataKey, keyVersion: UInt32,
        _ body: (_ sealed: UnsafeRawBufferPointer) throws -> R
    ) throws -> R {
        let plaintextCount = encode(value)
        defer { SecureMemory.wipe(UnsafeMutableRawBufferPointer(start: plaintext, count: plaintextCount)) }
        var name = field
        let adCount = name.withUTF8 { name in
            let count = 1 + 16 + name.count
            if count > associatedDataCapacity {
                associatedData.deallocate()
                associatedDataCapacity = max(count, 2 * associatedDataCapacity)
                associatedData = .allocate(byteCount: associatedDataCapacity, alignment: 16)
            }
            associatedData.storeBytes(of: Binding.fieldTag, as: UInt8.self)
            subject.withBytes { (associatedData + 1).copyMemory(from: $0.baseAddress!, byteCount: 16) }
            if let base = name.baseAddress { (associatedData + 17).copyMemory(from: base, byteCount: name.count) }
            return count
        }
        return try sealed.seal(
            UnsafeRawBufferPointer(start: plaintext, count: plaintextCount), key: key, keyVersion: keyVersion,
            associatedData: UnsafeRawBufferPointer(start: associatedData, count: adCount), body)
    }

    /// Writes `value`'s encoding (`FieldValue.encoded()`) to `plaintext`; returns its length.
    private func encode(_ value: FieldValue) -> Int {
        switch value {
        case .string(let text): return encode(tag: 1, text)
        case .date(let text): return encode(tag: 2, text)
        case .number, .list:
            let bytes = value.encoded()
            reservePlaintext(bytes.count)
            bytes.withUnsafeBytes { plaintext.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            return bytes.count
        }
    }

    private func encode(tag: UInt8, _ text: String) -> Int {
        var text = text
        return text.withUTF8 { utf8 in
            reservePlaintext(1 + utf8.count)
            plaintext.storeBytes(of: tag, as: UInt8.self)
            if let base = utf8.baseAddress { (plaintext + 1).copyMemory(from: base, byteCount: utf8.count) }
            return 1 + utf8.count
        }
    }

    private func reservePlaintext(_ count: Int) {
        guard count > plaintextCapacity else { return }
        SecureMemory.wipe(UnsafeMutableRawBufferPointer(start: plaintext, count: plaintextCapacity))
        plaintext.deallocate()
        plaintextCapacity = max(count, 2 * plaintextCapacity)
        plaintext = .allocate(byteCount: plaintextCapacity, alignment: 16)
    }
}

@available(*, unavailable)
extension FieldSealer: Sendable {}
