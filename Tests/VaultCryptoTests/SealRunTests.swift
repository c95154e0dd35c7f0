import Synchronization
import Testing

@testable import VaultCrypto

/// `SealRun` and `SubkeyCache`: values sealed in runs are plain XChaCha20-Poly1305 (format v1),
/// byte for byte what libsodium's one-call construction writes for the same nonce; nonces never
/// repeat under a key; and opening through the cache derives one subkey per run, never a wrong one.
@Suite struct SealRunTests {
    let context = Array("f|subject|email".utf8)

    func seal(_ plaintext: [UInt8], key: DataKey, run: SealRun, context: [UInt8]? = nil) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: AEAD.overhead + plaintext.count)
        let count = try plaintext.withUnsafeBytes { plaintext in
            try (context ?? self.context).withUnsafeBytes { context in
                try output.withUnsafeMutableBytes { out in
                    try AEAD.seal(
                        bytes: plaintext, key: key, keyVersion: 3, associatedData: context, into: out, run: run)
                }
            }
        }
        return Array(output[..<count])
    }

    func open(_ sealed: [UInt8], key: DataKey, cache: SubkeyCache, context: [UInt8]? = nil) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: sealed.count)
        let count = try sealed.withUnsafeBytes { sealed in
            try (context ?? self.context).withUnsafeBytes { context in
                try output.withUnsafeMutableBytes { out in
                    try AEAD.open(
                        sealed, key: key, associatedData: context,
                        followedBy: UnsafeRawBufferPointer(start: nil, count: 0),
                        into: out, subkeys: cache)
                }
            }
        }
        return Array(output[..<count])
    }

    func nonce(of sealed: [UInt8]) -> [UInt8] { Array(sealed[5..<29]) }

    @Test func aRunWritesWhatOneCallXChaChaWritesForTheSameNonce() throws {
        let keyBytes = (0..<32).map { UInt8($0 * 7 % 256) }
        let key = try DataKey(bytes: keyBytes)
        let run = try SealRun()
        for text in ["", "a", "Алексей Петров", String(repeating: "долгое значение ", count: 40)] {
            let plaintext = Array(text.utf8)
            let sealed = try seal(plaintext, key: key, run: run)
            let header = Array(sealed[..<5])
            #expect(header == [1, 0, 0, 0, 3])
            let reference = try XChaCha20Poly1305.encryptForTesting(
                plaintext, key: keyBytes, nonce: nonce(of: sealed), associatedData: header + context)
            #expect(Array(sealed[29...]) == reference)
            // libsodium's XChaCha20-Poly1305 opens it (the array API derives its own subkey).
            #expect(try AEAD.open(sealed, key: key, associatedData: context) == plaintext)
        }
    }

    @Test func nonceCountsUpWithinARunAndANewKeyStartsANewPrefix() throws {
        let first = try DataKey.generate()
        let second = try DataKey.generate()
        let run = try SealRun()
        let a = try (0..<3).map { _ in nonce(of: try seal([1, 2], key: first, run: run)) }
        #expect(run.runsStarted == 1)
        #expect(Set(a.map { Array($0[..<16]) }).count == 1)
        #expect(
            a.map { Array($0[16...]) } == [
                [0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 0, 2],
            ])
        let b = nonce(of: try seal([1, 2], key: second, run: run))
        let c = nonce(of: try seal([1, 2], key: first, run: run))
        #expect(run.runsStarted == 3)
        // Back to the first key: a fresh prefix, not the first run's continued.
        #expect(Set([a[0], b, c].map { Array($0[..<16]) }).count == 3)
        #expect(Array(c[16...]) == [0, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func noNonceRepeatsAcrossRunsAndKeys() throws {
        let keys = try (0..<3).map { _ in try DataKey.generate() }
        let run = try SealRun()
        var seen = Set<[UInt8]>()
        for index in 0..<3_000 {
            seen.insert(nonce(of: try seal([UInt8(index % 256)], key: keys[(index / 7) % 3], run: run)))
        }
        #expect(seen.count == 3_000)
    }

    @Test func aForkedChildStartsANewRun() throws {
        let key = try DataKey.generate()
        let forks = ForkGeneration()
        let run = try SealRun(forks: forks)
        let before = nonce(of: try seal([1], key: key, run: run))
        // What the fork handler does in the child (on this test's own counter).
        forks.advance()
        let after = nonce(of: try seal([1], key: key, run: run))
        #expect(run.runsStarted == 2)
        #expect(Array(after[..<16]) != Array(before[..<16]))
    }

    @Test func theCacheDerivesOneSubkeyPerRunAndOpensEveryValue() throws {
        let key = try DataKey.generate()
        let run = try SealRun()
        let values = (0..<20).map { Array("value \($0)".utf8) }
        let sealed = try values.map { try seal($0, key: key, run: run) }
        let cache = try SubkeyCache()
        for (value, box) in zip(values, sealed) { #expect(try open(box, key: key, cache: cache) == value) }
        #expect(cache.derivations == 1)
        // Values sealed one at a time (a fresh run each) still open, one derivation each.
        let single = try (0..<6).map { _ in try seal([9], key: key, run: try SealRun()) }
        for box in single { #expect(try open(box, key: key, cache: cache) == [9]) }
        #expect(cache.derivations == 7)
        // More prefixes than slots, interleaved: every value still opens.
        for _ in 0..<2 {
            for box in single + sealed.prefix(3) { _ = try open(box, key: key, cache: cache) }
        }
    }

    @Test func theCacheNeverLendsASubkeyToAnotherKey() throws {
        let key = try DataKey.generate()
        let other = try DataKey.generate()
        let run = try SealRun()
        let sealed = try seal([1, 2, 3], key: key, run: run)
        let cache = try SubkeyCache()
        #expect(try open(sealed, key: key, cache: cache) == [1, 2, 3])
        // Same prefix, other key: a new derivation, and authentication fails as it should.
        #expect(throws: CryptoError.authenticationFailed) { try open(sealed, key: other, cache: cache) }
        #expect(cache.derivations == 2)
        #expect(try open(sealed, key: key, cache: cache) == [1, 2, 3])
    }

    @Test func tamperingFailsThroughTheCacheToo() throws {
        let key = try DataKey.generate()
        let run = try SealRun()
        let sealed = try seal(Array("secret".utf8), key: key, run: run)
        let cache = try SubkeyCache()
        #expect(throws: CryptoError.authenticationFailed) {
            try open(sealed, key: key, cache: cache, context: Array("f|subject|phone".utf8))
        }
        for index in [0 + 1, 10, 28, 29, sealed.count - 1] {
            var bent = sealed
            bent[index] ^= 0x01
            #expect(throws: CryptoError.authenticationFailed) { try open(bent, key: key, cache: cache) }
        }
        #expect(try open(sealed, key: key, cache: cache) == Array("secret".utf8))
    }

    @Test func theCacheOpensOtherFormatsAsUsual() throws {
        let key = try DataKey.generate()
        let v2 = try AEAD.seal([4, 5, 6], key: key, keyVersion: 1, associatedData: context, format: .chaCha20Poly1305)
        let v1 = try AEAD.seal([7, 8], key: key, keyVersion: 1, associatedData: context)
        let cache = try SubkeyCache()
        #expect(try open(v2, key: key, cache: cache) == [4, 5, 6])
        #expect(try open(v1, key: key, cache: cache) == [7, 8])
        #expect(cache.derivations == 1)
    }

    @Test func keyComparisonSeesEveryByte() throws {
        let bytes = (0..<32).map { UInt8(($0 * 37 + 11) % 256) }
        let key = try DataKey(bytes: bytes)
        #expect(bytes.withUnsafeBytes { key.material.equals(copyAt: $0.baseAddress!) })
        for index in 0..<32 {
            for bit in [0, 7] {
                var other = bytes
                other[index] ^= UInt8(1 << bit)
                #expect(!other.withUnsafeBytes { key.material.equals(copyAt: $0.baseAddress!) }, "byte \(index)")
            }
        }
    }
}
