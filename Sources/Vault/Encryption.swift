import VaultCrypto

/// Associated data that binds each ciphertext to its place: a field value to (subject, field),
/// event properties to (subject, message). The key version is bound by the AEAD header.
enum Binding {
    static func field(_ subject: SubjectID, _ field: String) -> [UInt8] {
        var ad: [UInt8] = [0x66]  // "f"
        ad.append(contentsOf: subject.bytes)
        ad.append(contentsOf: field.utf8)
        return ad
    }

    static func event(_ subject: SubjectID, message: [UInt8]) -> [UInt8] {
        var ad: [UInt8] = []
        ad.reserveCapacity(17 + message.count)
        ad.append(0x65)  // "e"
        subject.append(to: &ad)
        ad.append(contentsOf: message)
        return ad
    }
}
