import Testing
import VaultCrypto

@Suite struct AEADTests {
    let context = Array("subject-1|email|v1".utf8)

    @Test func roundTrip() throws {
        let key = try DataKey.generate()
        let plaintext = Array("Алексей Иванов, alexey@example.org".utf8)
        let sealed = try AEAD.seal(plaintext, key: key, keyVersion: 7, associatedData: context)
        #expect(sealed.count == plaintext.count + AEAD.overhead)
        #expect(try AEAD.keyVersion(of: sealed) == 7)
        #expect(try AEAD.open(sealed, key: key, associatedData: context) == plaintext)
    }

    @Test func emptyPlaintextRoundTrips() throws {
        let key = try DataKey.generate()
        let sealed = try AEAD.seal([], key: key, keyVersion: 1, associatedData: context)
        #expect(try AEAD.open(sealed, key: key, associatedData: context) == [])
    }

    @Test func sealingTwiceGivesDifferentNonces() throws {
        let key = try DataKey.generate()
        let a = try AEAD.seal([1, 2, 3], key: key, keyVersion: 1, associatedData: context)
        let b = try AEAD.seal([1, 2, 3], key: key, keyVersion: 1, associatedData: context)
        #expect(a != b)
    }

    @Test(arguments: [
        ("ciphertext", AEAD.headerSize + 2),
        ("tag", -1),
        ("nonce", 10),
        ("key version", 3),
    ])
    func flippedBitFailsAuthentication(part: String, position: Int) throws {
        let key = try DataKey.generate()
        var sealed = try AEAD.seal(Array("secret value".utf8), key: key, keyVersion: 1, associatedData: context)
        let index = position < 0 ? sealed.count + position : position
        sealed[index] ^= 0x01
        #expect(throws: CryptoError.authenticationFailed, "flipped bit in \(part)") {
            try AEAD.open(sealed, key: key, associatedData: context)
        }
    }

    @Test func changedAssociatedDataFails() throws {
        let key = try DataKey.generate()
        let sealed = try AEAD.seal(Array("secret".utf8), key: key, keyVersion: 1, associatedData: context)
        #expect(throws: CryptoError.authenticationFailed) {
            try AEAD.open(sealed, key: key, associatedData: Array("subject-2|email|v1".utf8))
        }
    }

    @Test func wrongKeyFails() throws {
        let sealed = try AEAD.seal(
            Array("secret".utf8), key: try DataKey.generate(), keyVersion: 1, associatedData: context)
        #expect(throws: CryptoError.authenticationFailed) {
            try AEAD.open(sealed, key: try DataKey.generate(), associatedData: context)
        }
    }

    @Test func truncatedAndUnknownVersionAreMalformed() throws {
        let key = try DataKey.generate()
        var sealed = try AEAD.seal([9], key: key, keyVersion: 1, associatedData: context)
        #expect(throws: CryptoError.self) { try AEAD.open(Array(sealed.prefix(10)), key: key, associatedData: context) }
        sealed[0] = 9
        #expect(throws: CryptoError.malformedCiphertext(reason: "unknown format version 9")) {
            try AEAD.open(sealed, key: key, associatedData: context)
        }
    }

    /// draft-irtf-cfrg-xchacha-03, appendix A.3.1.
    @Test func xchachaKnownAnswer() throws {
        let plaintext = Array(
            "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."
                .utf8)
        let aad = [UInt8](hex: "50515253c0c1c2c3c4c5c6c7")
        let key = [UInt8](hex: "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f")
        let nonce = [UInt8](hex: "404142434445464748494a4b4c4d4e4f5051525354555657")
        let expected =
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e"
            + "c0875924c1c7987947deafd8780acf49"
        let output = try XChaCha20Poly1305.encryptForTesting(plaintext, key: key, nonce: nonce, associatedData: aad)
        #expect(output.hex == expected)
    }
}

/// `AEAD.open(_:key:associatedData:into:)`, the allocation-free open of the read path.
@Suite struct AEADOpenIntoBufferTests {
    let context = Array("subject-1|email|v1".utf8)

    func open(_ sealed: [UInt8], key: DataKey, context: [UInt8], output: inout [UInt8]) throws -> Int {
        try sealed.withUnsafeBytes { sealed in
            try context.withUnsafeBytes { context in
                try output.withUnsafeMutableBytes { out in
                    try AEAD.open(sealed, key: key, associatedData: context, into: out)
                }
            }
        }
    }

    @Test func opensWhatSealWrote() throws {
        let key = try DataKey.generate()
        let plaintext = Array("Алексей Иванов".utf8)
        let sealed = try AEAD.seal(plaintext, key: key, keyVersion: 3, associatedData: context)
        var output = [UInt8](repeating: 0, count: sealed.count)
        let count = try open(sealed, key: key, context: context, output: &output)
        #expect(Array(output.prefix(count)) == plaintext)
    }

    @Test func aFailedOpenLeavesNoPlaintext() throws {
        let key = try DataKey.generate()
        var sealed = try AEAD.seal(Array("secret value".utf8), key: key, keyVersion: 1, associatedData: context)
        sealed[sealed.count - 1] ^= 0x01
        var output = [UInt8](repeating: 0xAA, count: sealed.count)
        #expect(throws: CryptoError.authenticationFailed) {
            _ = try open(sealed, key: key, context: context, output: &output)
        }
        #expect(!output.contains(where: { $0 != 0 && $0 != 0xAA }))
        #expect(throws: CryptoError.authenticationFailed) {
            _ = try open(sealed, key: key, context: Array("subject-2|email|v1".utf8), output: &output)
        }
    }

    @Test func associatedDataInTwoPartsIsTheirConcatenation() throws {
        let key = try DataKey.generate()
        let plaintext = Array("value".utf8)
        for format in AEAD.Format.allCases {
            let sealed = try AEAD.seal(plaintext, key: key, keyVersion: 1, associatedData: context, format: format)
            for cut in [0, 5, context.count] {
                var output = [UInt8](repeating: 0, count: sealed.count)
                let count = try sealed.withUnsafeBytes { sealed in
                    try context.withUnsafeBytes { ad in
                        try output.withUnsafeMutableBytes { out in
                            try AEAD.open(
                                sealed, key: key, associatedData: UnsafeRawBufferPointer(rebasing: ad[..<cut]),
                                followedBy: UnsafeRawBufferPointer(rebasing: ad[cut...]), into: out)
                        }
                    }
                }
                #expect(Array(output.prefix(count)) == plaintext)
            }
            // Parts that concatenate to other bytes fail.
            #expect(throws: CryptoError.authenticationFailed) {
                try sealed.withUnsafeBytes { sealed in
                    try context.withUnsafeBytes { ad in
                        var output = [UInt8](repeating: 0, count: sealed.count)
                        return try output.withUnsafeMutableBytes { out in
                            try AEAD.open(sealed, key: key, associatedData: ad, followedBy: ad, into: out)
                        }
                    }
                }
            }
        }
    }

    @Test func shortInputIsMalformed() throws {
        let key = try DataKey.generate()
        var output = [UInt8](repeating: 0, count: 64)
        #expect(throws: CryptoError.malformedCiphertext(reason: "too short")) {
            _ = try open([1, 0, 0, 0, 1], key: key, context: context, output: &output)
        }
        #expect(throws: CryptoError.malformedCiphertext(reason: "too short")) {
            _ = try open([], key: key, context: context, output: &output)
        }
    }
}
