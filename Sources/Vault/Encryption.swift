import VaultCrypto

/// Associated data that binds each ciphertext to its place: a field value to (subject, field),
/// event properties to (subject, message). The key version is bound by the AEAD header.
enum Binding {
    /// The tag byte that starts a field value's associated data ("f").
    static let fieldTag: UInt8 = 0x66
    /// The tag byte that starts event properties' associated data ("e").
    static let eventTag: UInt8 = 0x65

    static func field(_ subject: SubjectID, _ field: String) -> [UInt8] {
        var ad: [UInt8] = [fieldTag]
        subject.append(to: &ad)
        ad.append(contentsOf: field.utf8)
        return ad
    }

    /// Calls `body` with the associated data of field `name` (its UTF-8 bytes) of `subject`: the
    /// same bytes as `field(_:_:)`, built on the stack instead of in a new array.
    static func withField<R>(
        _ subject: SubjectID, name: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> R
    ) rethrows -> R {
        try withUnsafeTemporaryAllocation(byteCount: 17 + name.count, alignment: 1) { buffer in
            buffer[0] = fieldTag
            buffer.storeBytes(of: subject.high.bigEndian, toByteOffset: 1, as: UInt64.self)
            buffer.storeBytes(of: subject.low.bigEndian, toByteOffset: 9, as: UInt64.self)
            if name.count > 0 { UnsafeMutableRawBufferPointer(rebasing: buffer[17...]).copyMemory(from: name) }
            return try body(UnsafeRawBufferPointer(buffer))
        }
    }

    static func event(_ subject: SubjectID, message: [UInt8]) -> [UInt8] {
        var ad: [UInt8] = []
        ad.reserveCapacity(17 + message.count)
        ad.append(eventTag)
        subject.append(to: &ad)
        ad.append(contentsOf: message)
        return ad
    }
}

extension AEAD.Format {
    /// The format of every field value and event property sealed from now on (under a subject's
    /// data key, including the values a merge or a key rotation seals again). Values sealed
    /// earlier in v1 stay as they are: `AEAD.open` reads both formats.
    static let personalData = AEAD.Format.chaCha20Poly1305
}
