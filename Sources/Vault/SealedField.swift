/// A field's ciphertext copied out of the transaction that read it, to be decrypted only after
/// the audit entry of the read has committed (`Access.read`).
struct SealedField {
    let name: String
    let sealed: [UInt8]
    let source: String
}
