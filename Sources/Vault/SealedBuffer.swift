import VaultCrypto

/// The reused output of the bulk sealers (`EventSealer`, `FieldSealer`): seals in the vault's
/// personal-data format into one buffer that grows as needed and is never reallocated per value.
struct SealedBuffer {
    private var bytes: [UInt8] = []

    /// Seals `plaintext` with `associatedData` under `key` and calls `body` with the sealed value,
    /// valid only during the call.
    mutating func seal<R>(
        _ plaintext: UnsafeRawBufferPointer, key: DataKey, keyVersion: UInt32, associatedData: UnsafeRawBufferPointer,
        _ body: (_ sealed: UnsafeRawBufferPointer) throws -> R
    ) throws -> R {
        let format = AEAD.Format.personalData
        let needed = format.overhead + plaintext.count
        if bytes.count < needed { bytes = [UInt8](repeating: 0, count: max(needed, 2 * bytes.count, 256)) }
        return try bytes.withUnsafeMutableBytes { output in
            let length = try AEAD.seal(
                bytes: plaintext, key: key, keyVersion: keyVersion, associatedData: associatedData, format: format,
                into: output)
            return try body(UnsafeRawBufferPointer(rebasing: output[..<length]))
        }
    }
}
