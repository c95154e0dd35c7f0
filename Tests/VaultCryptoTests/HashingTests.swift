import Testing
import VaultCrypto

@Suite struct HashingTests {
    /// RFC 7693 appendix A: BLAKE2b-512("abc").
    @Test func blake2bKnownAnswer() {
        #expect(
            BLAKE2b.hash(Array("abc".utf8), outputLength: 64).hex
                == "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"
        )
        #expect(BLAKE2b.hash([]).hex == "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8")
        #expect(
            BLAKE2b.hash(Array("tresor".utf8), rawKey: Array(0..<32)).hex
                == "0da6cb5021d001ff070a22dcae644145a0c24259f698317298ff15fa90fdbe31")
    }

    @Test func incrementalHashEqualsOneShot() {
        let hasher = BLAKE2bHasher()
        hasher.update(Array("tre".utf8))
        hasher.update(Array("sor".utf8))
        #expect(hasher.finalize() == BLAKE2b.hash(Array("tresor".utf8)))
    }

    @Test func aResetHasherHashesEachMessageAfreshIntoABuffer() {
        let hasher = BLAKE2bHasher()
        var digest = [UInt8](repeating: 0, count: 32)
        for message in ["first message", "", "tresor", String(repeating: "x", count: 300)] {
            hasher.reset()
            hasher.update(Array("junk that reset must forget".utf8))
            hasher.reset()
            hasher.update(Array(message.utf8))
            digest.withUnsafeMutableBytes { hasher.finalize(into: $0) }
            #expect(digest == BLAKE2b.hash(Array(message.utf8)), "\(message.count) bytes")
        }
    }

    @Test func blindIndexIsStablePerKeyAndDomain() throws {
        let key = try IndexKey.generate()
        let indexer = BlindIndexer(key: key)
        let other = BlindIndexer(key: try IndexKey.generate())
        let token = indexer.token(domain: "email", value: "anna@example.org")
        #expect(token.count == BlindIndexer.tokenSize)
        #expect(token == indexer.token(domain: "email", value: "anna@example.org"))
        #expect(token != indexer.token(domain: "email", value: "anna2@example.org"))
        #expect(token != indexer.token(domain: "external_id", value: "anna@example.org"))
        #expect(token != other.token(domain: "email", value: "anna@example.org"))
    }

    @Test func signatureVerifiesAndRejectsAlteredMessage() throws {
        let key = try SigningKey(seed: try DataKey.generate())
        let message = Array("checkpoint 42".utf8)
        let signature = key.signature(for: message)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(!key.publicKey.isValidSignature(signature, for: Array("checkpoint 43".utf8)))
        var bent = signature
        bent[0] ^= 1
        #expect(!key.publicKey.isValidSignature(bent, for: message))
    }
}
