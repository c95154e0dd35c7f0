import CSodium

extension AEAD {
    /// A ciphertext format of `AEAD`, named by its version byte, the first byte of every sealed
    /// value. Both share the layout
    /// `version (1 byte) ‖ key version (4 bytes, big-endian) ‖ nonce ‖ ciphertext ‖ tag (16 bytes)`
    /// and authenticate `version ‖ key version ‖ caller's associated data`; they differ in the
    /// cipher and the nonce.
    public enum Format: UInt8, Sendable, CaseIterable {
        /// v1: XChaCha20-Poly1305-IETF with a random 24-byte nonce. The default of `seal`, for
        /// keys that seal without bound (the master key wrapping every data key, backup file
        /// keys) and for every value written before v2.
        case xchacha20Poly1305 = 1

        /// v2: ChaCha20-Poly1305-IETF (RFC 8439) with a random 12-byte nonce, for field values and
        /// event properties under a subject's data key. It skips XChaCha20's HChaCha20 subkey
        /// derivation, a quarter to a third of the cost of opening a short value.
        ///
        /// Nonce bound: with random 96-bit nonces the chance that any two of `n` seals under one
        /// key share a nonce is at most n²/2⁹⁷, below 2⁻³² for n = 2³² seals (NIST SP 800-38D
        /// sets the same limit for random 96-bit GCM nonces). One subject's key seals its fields,
        /// their rewrites and its events, millions at the very most, far below 2³²; a merge or key
        /// rotation moves the values under another key. Keys that may seal without bound keep v1.
        case chaCha20Poly1305 = 2

        /// Bytes of the random nonce.
        public var nonceSize: Int {
            switch self {
            case .xchacha20Poly1305: Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
            case .chaCha20Poly1305: Int(crypto_aead_chacha20poly1305_ietf_NPUBBYTES)
            }
        }

        /// Bytes before the ciphertext: version, key version and nonce.
        public var headerSize: Int { AEAD.authenticatedHeaderSize + nonceSize }

        /// Bytes a sealed value adds to its plaintext.
        public var overhead: Int { headerSize + AEAD.tagSize }

        /// Encrypts (`ChaChaPolySeal`, after HChaCha20 for v1), authenticating `header ‖
        /// associatedData`; `ciphertext` has room for the plaintext and the tag.
        func encrypt(
            _ ciphertext: UnsafeMutablePointer<UInt8>, _ plaintext: UnsafeRawBufferPointer,
            header: UnsafeRawBufferPointer, associatedData: UnsafeRawBufferPointer, nonce: UnsafePointer<UInt8>,
            key: UnsafePointer<UInt8>
        ) -> Int {
            switch self {
            case .xchacha20Poly1305:
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: XChaChaSubkey.subkeySize) { buffer in
                    let subkey = buffer.baseAddress!
                    XChaChaSubkey.derive(subkey, key: key, prefix: nonce)
                    defer { sodium_memzero(subkey, XChaChaSubkey.subkeySize) }
                    return XChaChaSubkey.encrypt(
                        ciphertext, plaintext, header: header, associatedData: associatedData, nonce: nonce,
                        subkey: subkey)
                }
            case .chaCha20Poly1305:
                return ChaChaPolySeal.encrypt(
                    ciphertext, plaintext, header: header, associatedData: associatedData, nonce: nonce, key: key)
            }
        }

        /// Decrypts and verifies with libsodium; returns the plaintext's length, or nil when the
        /// tag does not verify (libsodium then leaves no plaintext in `output`).
        func decrypt(
            _ output: UnsafeMutablePointer<UInt8>?, _ ciphertext: UnsafeRawBufferPointer,
            associatedData ad: UnsafeBufferPointer<UInt8>, nonce: UnsafePointer<UInt8>, key: UnsafePointer<UInt8>
        ) -> Int? {
            var written: UInt64 = 0
            // Never empty: the ciphertext holds at least the tag.
            let input = ciphertext.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let rc =
                switch self {
                case .xchacha20Poly1305:
                    crypto_aead_xchacha20poly1305_ietf_decrypt(
                        output, &written, nil, input, UInt64(ciphertext.count), ad.baseAddress, UInt64(ad.count),
                        nonce, key)
                case .chaCha20Poly1305:
                    crypto_aead_chacha20poly1305_ietf_decrypt(
                        output, &written, nil, input, UInt64(ciphertext.count), ad.baseAddress, UInt64(ad.count),
                        nonce, key)
                }
            return rc == 0 ? Int(written) : nil
        }
    }
}
