import VaultCrypto

/// The reused output of the bulk sealers (`EventSealer`, `FieldSealer`): seals in the vault's
/// personal-data format into one buffer that grows as needed and is never reallocated per value,
/// with the nonces of the writer's `SealRun` (one HChaCha20 subkey per run of values under one key).
struct SealedBuffer {
    private var bytes: [UInt8] = []
    let run: SealRun

    init(run: SealRun) { self.run = run }

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
            let length =
                format == .xchacha20Poly1305
                ? try AEAD.seal(
                    bytes: plaintext, key: key, keyVersion: keyVersion, associatedData: associatedData, into: output,
                    run: run)
                : try AEAD.seal(
                    bytes: plaintext, key: key, keyVersion: keyVersion, associatedData: associatedData, format: format,
                    into: output)
            return try body(UnsafeRawBufferPointer(rebasing: output[..<length]))
        }
    }
}
