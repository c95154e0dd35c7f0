import CSodium

/// XChaCha20-Poly1305 taken apart into its two steps (draft-irtf-cfrg-xchacha §2.3): a subkey
/// `HChaCha20(key, nonce[0..<16])`, then ChaCha20-Poly1305-IETF under that subkey with the nonce
/// `0⁴ ‖ nonce[16..<24]`. libsodium's `crypto_aead_xchacha20poly1305_ietf_*` do exactly this on
/// every call; doing it here lets `SealRun` and `SubkeyCache` derive a subkey once for many
/// values whose nonces share their first 16 bytes. The bytes written are those of format v1.
enum XChaChaSubkey {
    /// Bytes of the nonce prefix that selects the subkey.
    static let prefixSize = Int(crypto_core_hchacha20_INPUTBYTES)
    /// Bytes of a subkey.
    static let subkeySize = Int(crypto_core_hchacha20_OUTPUTBYTES)

    /// Writes `HChaCha20(key, prefix)` to `subkey`.
    static func derive(
        _ subkey: UnsafeMutablePointer<UInt8>, key: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>
    ) {
        _ = crypto_core_hchacha20(subkey, prefix, key, nil)
    }

    /// Calls `body` with the 12-byte ChaCha20-IETF nonce of the 24-byte XChaCha20 `nonce`.
    private static func withInnerNonce<R>(_ nonce: UnsafePointer<UInt8>, _ body: (UnsafePointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 12) { inner in
            let base = inner.baseAddress!
            base.update(repeating: 0, count: 4)
            (base + 4).update(from: nonce + prefixSize, count: 8)
            return body(base)
        }
    }

    /// Encrypts under `subkey` (derived from the first 16 bytes of `nonce`), authenticating
    /// `header ‖ associatedData`; writes ciphertext ‖ tag to `ciphertext` and returns its length.
    static func encrypt(
        _ ciphertext: UnsafeMutablePointer<UInt8>, _ plaintext: UnsafeRawBufferPointer,
        header: UnsafeRawBufferPointer, associatedData: UnsafeRawBufferPointer, nonce: UnsafePointer<UInt8>,
        subkey: UnsafePointer<UInt8>
    ) -> Int {
        withInnerNonce(nonce) { inner in
            ChaChaPolySeal.encrypt(
                ciphertext, plaintext, header: header, associatedData: associatedData, nonce: inner, key: subkey)
        }
    }

    /// Decrypts and verifies under `subkey`; returns the plaintext's length, or nil when the tag
    /// does not verify (libsodium then leaves no plaintext in `output`).
    static func decrypt(
        _ output: UnsafeMutablePointer<UInt8>?, _ ciphertext: UnsafeRawBufferPointer,
        associatedData ad: UnsafeBufferPointer<UInt8>, nonce: UnsafePointer<UInt8>, subkey: UnsafePointer<UInt8>
    ) -> Int? {
        var written: UInt64 = 0
        let input = ciphertext.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let rc = withInnerNonce(nonce) { inner in
            crypto_aead_chacha20poly1305_ietf_decrypt(
                output, &written, nil, input, UInt64(ciphertext.count), ad.baseAddress, UInt64(ad.count), inner,
                subkey)
        }
        return rc == 0 ? Int(written) : nil
    }
}
