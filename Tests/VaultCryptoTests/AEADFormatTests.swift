import Testing
import VaultCrypto

/// AEAD format v2 (ChaCha20-Poly1305-IETF, 12-byte nonce) next to v1 (XChaCha20-Poly1305,
/// 24-byte nonce): both open through the same `AEAD.open`, dispatched on the version byte.
@Suite struct AEADFormatTests {
    let context = Array("f|subject-1|email".utf8)
    let key = [UInt8](hex: "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f")

    @Test func v2RoundTripsWithItsOwnLayout() throws {
        let key = try DataKey.generate()
        let plaintext = Array("Алексей Иванов, alexey@example.org".utf8)
        let sealed = try AEAD.seal(
            plaintext, key: key, keyVersion: 7, associatedData: context, format: .chaCha20Poly1305)
        #expect(sealed[0] == 2)
        #expect(sealed.count == plaintext.count + 1 + 4 + 12 + 16)
        #expect(AEAD.Format.chaCha20Poly1305.overhead == 33)
        #expect(try AEAD.format(of: sealed) == .chaCha20Poly1305)
        #expect(try AEAD.keyVersion(of: sealed) == 7)
        #expect(try AEAD.open(sealed, key: key, associatedData: context) == plaintext)
        let empty = try AEAD.seal([], key: key, keyVersion: 1, associatedData: context, format: .chaCha20Poly1305)
        #expect(try AEAD.open(empty, key: key, associatedData: context) == [])
    }

    @Test func v2SealsGetFreshNonces() throws {
        let key = try DataKey.generate()
        let a = try AEAD.seal([1, 2, 3], key: key, keyVersion: 1, associatedData: context, format: .chaCha20Poly1305)
        let b = try AEAD.seal([1, 2, 3], key: key, keyVersion: 1, associatedData: context, format: .chaCha20Poly1305)
        #expect(a[5..<17] != b[5..<17])
        #expect(a != b)
    }

    @Test(arguments: [
        ("format version", 0),
        ("key version", 3),
        ("nonce", 10),
        ("ciphertext", 17 + 2),
        ("tag", -1),
    ])
    func v2FlippedBitFails(part: String, position: Int) throws {
        let key = try DataKey.generate()
        var sealed = try AEAD.seal(
            Array("secret value".utf8), key: key, keyVersion: 1, associatedData: context, format: .chaCha20Poly1305)
        let index = position < 0 ? sealed.count + position : position
        sealed[index] ^= 0x01
        // A flipped version byte names v3 (unknown, malformed); every other flip fails the tag.
        #expect(throws: CryptoError.self, "flipped bit in \(part)") {
            try AEAD.open(sealed, key: key, associatedData: context)
        }
        if part != "format version" {
            #expect(throws: CryptoError.authenticationFailed, "flipped bit in \(part)") {
                try AEAD.open(sealed, key: key, associatedData: context)
            }
        }
    }

    @Test func v2RejectsOtherAssociatedDataAndOtherKeys() throws {
        let key = try DataKey.generate()
        let sealed = try AEAD.seal(
            Array("secret".utf8), key: key, keyVersion: 1, associatedData: context, format: .chaCha20Poly1305)
        #expect(throws: CryptoError.authenticationFailed) {
            try AEAD.open(sealed, key: key, associatedData: Array("f|subject-2|email".utf8))
        }
        #expect(throws: CryptoError.authenticationFailed) {
            try AEAD.open(sealed, key: key, associatedData: Array("f|subject-1|phone".utf8))
        }
        #expect(throws: CryptoError.authenticationFailed) {
            try AEAD.open(sealed, key: try DataKey.generate(), associatedData: context)
        }
    }

    /// A v2 value relabelled as v1 (or the reverse) never opens: the version byte is authenticated
    /// and the nonce layouts differ.
    @Test func versionBytesCannotBeSwapped() throws {
        let key = try DataKey.generate()
        let plaintext = [UInt8](repeating: 0x41, count: 40)
        var v2 = try AEAD.seal(plaintext, key: key, keyVersion: 1, associatedData: context, format: .chaCha20Poly1305)
        v2[0] = 1
        #expect(throws: CryptoError.authenticationFailed) { try AEAD.open(v2, key: key, associatedData: context) }
        var v1 = try AEAD.seal(plaintext, key: key, keyVersion: 1, associatedData: context)
        v1[0] = 2
        #expect(throws: CryptoError.authenticationFailed) { try AEAD.open(v1, key: key, associatedData: context) }
    }

    @Test func shortValuesAreMalformed() throws {
        let key = try DataKey.generate()
        let sealed = try AEAD.seal([9], key: key, keyVersion: 1, associatedData: context, format: .chaCha20Poly1305)
        #expect(throws: CryptoError.malformedCiphertext(reason: "too short")) {
            try AEAD.open(Array(sealed.prefix(32)), key: key, associatedData: context)
        }
        #expect(throws: CryptoError.malformedCiphertext(reason: "bad header")) {
            try AEAD.keyVersion(of: Array(sealed.prefix(10)))
        }
    }

    /// A v1 value built by hand, independently of `AEAD.seal` — `1 ‖ key version ‖ nonce ‖
    /// XChaCha20-Poly1305(header ‖ associated data)` — still opens: values written before v2
    /// stay readable.
    @Test func handBuiltV1ValueOpens() throws {
        let header: [UInt8] = [1, 0, 0, 0, 5]
        let nonce = [UInt8](hex: "404142434445464748494a4b4c4d4e4f5051525354555657")
        let plaintext = Array("written by an earlier version".utf8)
        let body = try XChaCha20Poly1305.encryptForTesting(
            plaintext, key: key, nonce: nonce, associatedData: header + context)
        let sealed = header + nonce + body
        let dataKey = try DataKey(bytes: key)
        #expect(try AEAD.format(of: sealed) == .xchacha20Poly1305)
        #expect(try AEAD.keyVersion(of: sealed) == 5)
        #expect(try AEAD.open(sealed, key: dataKey, associatedData: context) == plaintext)
    }

    /// The same for v2: `2 ‖ key version ‖ 12-byte nonce ‖ ChaCha20-Poly1305(header ‖ associated data)`.
    @Test func handBuiltV2ValueOpens() throws {
        let header: [UInt8] = [2, 0, 0, 1, 0]
        let nonce = [UInt8](hex: "070000004041424344454647")
        let plaintext = Array("sealed in format v2".utf8)
        let body = try ChaCha20Poly1305.encryptForTesting(
            plaintext, key: key, nonce: nonce, associatedData: header + context)
        let sealed = header + nonce + body
        #expect(try AEAD.keyVersion(of: sealed) == 256)
        #expect(try AEAD.open(sealed, key: try DataKey(bytes: key), associatedData: context) == plaintext)
    }

    /// RFC 8439, section 2.8.2, "Example and Test Vector for AEAD_CHACHA20_POLY1305": key
    /// 80…9f, nonce 07000000 ‖ 4041424344454647, the 114-byte "sunscreen" plaintext.
    @Test func chachaKnownAnswer() throws {
        let plaintext = Array(
            "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."
                .utf8)
        let aad = [UInt8](hex: "50515253c0c1c2c3c4c5c6c7")
        let nonce = [UInt8](hex: "070000004041424344454647")
        let expected =
            "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116"
            + "1ae10b594f09e26a7e902ecbd0600691"
        let output = try ChaCha20Poly1305.encryptForTesting(plaintext, key: key, nonce: nonce, associatedData: aad)
        #expect(output.hex == expected)
    }
}
