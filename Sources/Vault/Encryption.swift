import VaultCrypto

/// Associated data that binds each ciphertext to its place: a field value to (subject, field),
/// event properties to (subject, message). The key version is bound by the AEAD header.
enum Binding {
    /// The tag byte that starts a field value's associated data ("f").
    static let fieldTag: UInt8 = 0x66
    /// The tag byte that starts event properties' associated data ("e").
    static let eventTag: UInt8 = 0x65

    static func field(_ subject: SubjectID, _ field: String) -> [UInt8] {
        var ad = fieldPrefix(subject)
        ad.append(contentsOf: field.utf8)
        return ad
    }

    /// The associated data of every field value of `subject` up to the field name: `f ‖ subject
    /// id`. A field's associated data is this prefix followed by the name's UTF-8 bytes.
    static func fieldPrefix(_ subject: SubjectID) -> [UInt8] {
        var prefix: [UInt8] = [fieldTag]
        prefix.reserveCapacity(17 + 24)
        subject.append(to: &prefix)
        return prefix
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
    /// The format of every field value and event property (under a subject's data key, including
    /// the values a merge or a key rotation seals again): v1, XChaCha20-Poly1305, which DESIGN.md
    /// invariant 1 fixes for personal data, sealed in runs that share one XChaCha20 subkey
    /// (`SealRun`, Docs/decisions.md entry 28). `AEAD.open` also reads v2 (ChaCha20-Poly1305-IETF);
    /// writing it needs the design owner's decision (entry 22), and seal runs took away most of
    /// what it would save.
    static let personalData = AEAD.Format.xchacha20Poly1305
}
