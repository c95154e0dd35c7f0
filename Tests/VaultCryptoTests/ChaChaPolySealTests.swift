import Testing

@testable import VaultCrypto

/// `ChaChaPolySeal` composes ChaCha20-Poly1305-IETF from libsodium's ChaCha20 and one-shot
/// Poly1305: its output must be libsodium's AEAD output, byte for byte, for every length of value
/// and associated data (the padding of both to 16 bytes is where a composition goes wrong), and
/// libsodium must open it.
@Suite struct ChaChaPolySealTests {
    /// The composed seal of `plaintext` with the associated data given as `header ‖ rest`.
    func composed(_ plaintext: [UInt8], header: [UInt8], rest: [UInt8], nonce: [UInt8], key: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0xEE, count: plaintext.count + ChaChaPolySeal.tagSize)
        let written = plaintext.withUnsafeBytes { plaintext in
            header.withUnsafeBytes { header in
                rest.withUnsafeBytes { rest in
                    output.withUnsafeMutableBufferPointer { out in
                        ChaChaPolySeal.encrypt(
                            out.baseAddress!, plaintext, header: header, associatedData: rest, nonce: nonce, key: key)
                    }
                }
            }
        }
        #expect(written == output.count)
        return output
    }

    /// Deterministic bytes (a test needs no secrecy, only variety).
    func bytes(_ count: Int, seed: Int) -> [UInt8] {
        var state = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    @Test func equalsLibsodiumForEveryValueLength() throws {
        let adLengths = [0, 1, 5, 15, 16, 17, 31, 32, 33, 47, 64, 65, 100, 255, 300]
        for length in 0...300 {
            for (round, adLength) in adLengths.enumerated() {
                let seed = length * 64 + round
                let key = bytes(32, seed: seed)
                let nonce = bytes(12, seed: seed + 1)
                let plaintext = bytes(length, seed: seed + 2)
                let ad = bytes(adLength, seed: seed + 3)
                let expected = try ChaCha20Poly1305.encryptForTesting(
                    plaintext, key: key, nonce: nonce, associatedData: ad)
                // The associated data split anywhere between header and rest is the same data.
                let split = adLength == 0 ? 0 : (seed % (adLength + 1))
                let sealed = composed(
                    plaintext, header: Array(ad[..<split]), rest: Array(ad[split...]), nonce: nonce, key: key)
                #expect(sealed == expected, "value \(length) bytes, associated data \(adLength) (split \(split))")
            }
        }
    }

    @Test func libsodiumOpensItAndRejectsAnyChangedByte() throws {
        let key = bytes(32, seed: 7)
        let nonce = bytes(12, seed: 8)
        let plaintext = Array("a value of twenty b.".utf8)
        let ad = Array("f|subject|email".utf8)
        let sealed = composed(plaintext, header: [1, 0, 0, 0, 3], rest: ad, nonce: nonce, key: key)
        #expect(
            try ChaCha20Poly1305.openForTesting(sealed, key: key, nonce: nonce, associatedData: [1, 0, 0, 0, 3] + ad)
                == plaintext)
        for index in sealed.indices {
            var damaged = sealed
            damaged[index] ^= 0x01
            #expect(
                throws: CryptoError.self,
                "byte \(index) changed",
                performing: {
                    try ChaCha20Poly1305.openForTesting(
                        damaged, key: key, nonce: nonce, associatedData: [1, 0, 0, 0, 3] + ad)
                })
        }
        // The same bytes under other associated data do not open.
        #expect(throws: CryptoError.self) {
            try ChaCha20Poly1305.openForTesting(sealed, key: key, nonce: nonce, associatedData: [1, 0, 0, 0, 4] + ad)
        }
    }

    /// Values sealed through `AEAD` in either format are libsodium's own construction for the
    /// nonce they carry: re-encrypting with the reference and the same nonce gives the same bytes.
    @Test(arguments: AEAD.Format.allCases)
    func sealedValuesAreTheReferenceConstructionForTheirNonce(format: AEAD.Format) throws {
        let key = try DataKey.generate()
        let keyBytes = Array(UnsafeBufferPointer(start: key.material.pointer, count: KeyMaterial.byteCount))
        for length in [0, 1, 15, 16, 17, 20, 32, 64, 65, 200] {
            let plaintext = bytes(length, seed: length)
            let context = Array("f|subject|field \(length)".utf8)
            let sealed = try AEAD.seal(plaintext, key: key, keyVersion: 7, associatedData: context, format: format)
            let header = Array(sealed[..<AEAD.authenticatedHeaderSize])
            let nonce = Array(sealed[AEAD.authenticatedHeaderSize..<format.headerSize])
            let reference =
                switch format {
                case .xchacha20Poly1305:
                    try XChaCha20Poly1305.encryptForTesting(
                        plaintext, key: keyBytes, nonce: nonce, associatedData: header + context)
                case .chaCha20Poly1305:
                    try ChaCha20Poly1305.encryptForTesting(
                        plaintext, key: keyBytes, nonce: nonce, associatedData: header + context)
                }
            #expect(Array(sealed[format.headerSize...]) == reference, "\(format), \(length) bytes")
            #expect(try AEAD.open(sealed, key: key, associatedData: context) == plaintext)
        }
    }
}
