import Testing
import VaultCrypto

/// `AEAD.seal(bytes:key:keyVersion:associatedData:format:into:)`, the allocation-free seal of the
/// event write path.
@Suite struct SealIntoBufferTests {
    let context = Array("e|subject|message".utf8)

    func seal(_ plaintext: [UInt8], key: DataKey, format: AEAD.Format, into output: inout [UInt8]) throws -> Int {
        try plaintext.withUnsafeBytes { plaintext in
            try context.withUnsafeBytes { context in
                try output.withUnsafeMutableBytes { out in
                    try AEAD.seal(
                        bytes: plaintext, key: key, keyVersion: 9, associatedData: context, format: format, into: out)
                }
            }
        }
    }

    @Test(arguments: [AEAD.Format.xchacha20Poly1305, .chaCha20Poly1305])
    func whatItWritesOpensWithTheSameAssociatedDataOnly(format: AEAD.Format) throws {
        let key = try DataKey.generate()
        let plaintext = Array(#"{"product":"Чайник","price":1290}"#.utf8)
        // A buffer larger than needed: only the returned length is the sealed value.
        var output = [UInt8](repeating: 0xEE, count: plaintext.count + format.overhead + 32)
        let length = try seal(plaintext, key: key, format: format, into: &output)
        #expect(length == plaintext.count + format.overhead)
        let sealed = Array(output.prefix(length))
        #expect(try AEAD.format(of: sealed) == format)
        #expect(try AEAD.keyVersion(of: sealed) == 9)
        #expect(try AEAD.open(sealed, key: key, associatedData: context) == plaintext)
        #expect(throws: CryptoError.authenticationFailed) {
            _ = try AEAD.open(sealed, key: key, associatedData: Array("e|subject|other".utf8))
        }
        #expect(throws: CryptoError.authenticationFailed) {
            _ = try AEAD.open(sealed, key: try DataKey.generate(), associatedData: context)
        }
    }

    @Test func twoSealsOfTheSameValueDiffer() throws {
        let key = try DataKey.generate()
        var first = [UInt8](repeating: 0, count: 64)
        var second = [UInt8](repeating: 0, count: 64)
        let a = try seal([1, 2, 3], key: key, format: .xchacha20Poly1305, into: &first)
        let b = try seal([1, 2, 3], key: key, format: .xchacha20Poly1305, into: &second)
        #expect(first.prefix(a) != second.prefix(b))
    }
}

/// `DomainTokenizer` must give exactly `BlindIndexer`'s tokens, or stored message ids would no
/// longer deduplicate.
@Suite struct DomainTokenizerTests {
    @Test func tokensEqualTheIndexersForEveryValue() throws {
        let indexer = BlindIndexer(key: try IndexKey.generate())
        let tokenizer = try DomainTokenizer(indexer, domain: "message")
        let values = [
            "", "a", "3f1c2e9a-7b4d-4c1e-9f0a-2b6d8e4c1a7f", "письмо-42", String(repeating: "x", count: 300),
        ]
        for value in values {
            #expect(tokenizer.token(value) == indexer.token(domain: "message", value: value))
        }
        // The prepared state is copied, never consumed: the same value twice, in any order.
        #expect(tokenizer.token("a") == indexer.token(domain: "message", value: "a"))
    }

    @Test func domainAndKeySeparateTokens() throws {
        let indexer = BlindIndexer(key: try IndexKey.generate())
        let messages = try DomainTokenizer(indexer, domain: "message")
        let emails = try DomainTokenizer(indexer, domain: "email")
        let otherKey = try DomainTokenizer(BlindIndexer(key: try IndexKey.generate()), domain: "message")
        #expect(messages.token("x@example.org") != emails.token("x@example.org"))
        #expect(messages.token("x@example.org") != otherKey.token("x@example.org"))
        #expect(emails.token("x@example.org") == indexer.token(domain: "email", value: "x@example.org"))
    }
}
