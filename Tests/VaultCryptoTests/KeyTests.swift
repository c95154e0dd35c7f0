import Testing
import VaultCrypto

@Suite struct KeyTests {
    @Test func keysPrintRedacted() throws {
        let key = try DataKey.generate()
        #expect(String(describing: key) == "DataKey(<redacted>)")
        #expect(String(reflecting: try MasterKey.generate()) == "MasterKey(<redacted>)")
        var dumped = ""
        dump(try IndexKey.generate(), to: &dumped)
        #expect(!dumped.contains("0x"))
        #expect(String(describing: try SigningKey(seed: try DataKey.generate())) == "SigningKey(<redacted>)")
    }

    @Test func keysCompareByValue() throws {
        let bytes = try CryptoRandom.bytes(32)
        #expect(try MasterKey(bytes: bytes) == MasterKey(bytes: bytes))
        #expect(try MasterKey(bytes: bytes) != MasterKey.generate())
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, actual: 31)) {
            try MasterKey(bytes: Array(bytes.prefix(31)))
        }
    }

    @Test func wrapAndUnwrap() throws {
        let master = try MasterKey.generate()
        let key = try DataKey.generate()
        let context = Array("subject-a|v1".utf8)
        let wrapped = try KeyWrap.wrap(key, under: master, context: context)
        let unwrapped: DataKey = try KeyWrap.unwrap(wrapped, under: master, context: context)
        #expect(unwrapped == key)
    }

    @Test func unwrapUnderWrongMasterOrContextFails() throws {
        let master = try MasterKey.generate()
        let wrapped = try KeyWrap.wrap(try DataKey.generate(), under: master, context: [1])
        #expect(throws: CryptoError.authenticationFailed) {
            let _: DataKey = try KeyWrap.unwrap(wrapped, under: try MasterKey.generate(), context: [1])
        }
        #expect(throws: CryptoError.authenticationFailed) {
            let _: DataKey = try KeyWrap.unwrap(wrapped, under: master, context: [2])
        }
    }

    /// Keys wrapped in a run under one master key share a nonce prefix and count up; each is an
    /// ordinary wrapped key that opens only under its own context, and a new master key starts a
    /// new run.
    @Test func keysWrappedInARunUnwrapAndShareOnlyTheirPrefix() throws {
        let master = try MasterKey.generate()
        let run = try SealRun()
        let keys = try (0..<40).map { _ in try DataKey.generate() }
        let wrapped = try keys.enumerated().map { index, key in
            try KeyWrap.wrap(key, under: master, masterVersion: 3, context: [UInt8(index)], run: run)
        }
        for (index, key) in keys.enumerated() {
            let unwrapped: DataKey = try KeyWrap.unwrap(wrapped[index], under: master, context: [UInt8(index)])
            #expect(unwrapped == key)
            #expect(throws: CryptoError.self) {
                let _: DataKey = try KeyWrap.unwrap(wrapped[index], under: master, context: [UInt8(index) &+ 1])
            }
        }
        let nonces = wrapped.map { Array($0[5..<29]) }
        #expect(Set(nonces).count == nonces.count)
        #expect(Set(nonces.map { Array($0[..<16]) }).count == 1)
        #expect(run.runsStarted == 1)
        let other = try MasterKey.generate()
        let again = try KeyWrap.wrap(keys[0], under: other, context: [0], run: run)
        #expect(run.runsStarted == 2)
        let unwrapped: DataKey = try KeyWrap.unwrap(again, under: other, context: [0])
        #expect(unwrapped == keys[0])
    }

    @Test func slabUnwrapsGeneratesAndWipes() throws {
        let master = try MasterKey.generate()
        let slab = try KeySlab(capacity: 4)
        let original: DataKey = slab.generate(at: 1)
        let wrapped = try KeyWrap.wrap(original, under: master, context: [7])
        let copy: DataKey = try slab.unwrap(wrapped, under: master, context: [7], at: 2)
        #expect(copy == original)
        let sealed = try AEAD.seal([42], key: copy, keyVersion: 1, associatedData: [])
        slab.wipe(at: 2)
        #expect(throws: CryptoError.authenticationFailed) { try AEAD.open(sealed, key: copy, associatedData: []) }
    }

    @Test func slabKeysDrawnFromTheReserveAreAllDifferentPastSeveralRefills() throws {
        // Three and a bit reserves (64 keys each): every key differs from every other and works.
        let count = 3 * 64 + 9
        let slab = try KeySlab(capacity: count)
        let keys: [DataKey] = (0..<count).map { slab.generate(at: $0) }
        for i in keys.indices {
            for j in keys.indices where j > i { #expect(keys[i] != keys[j]) }
        }
        let zero = try DataKey(bytes: [UInt8](repeating: 0, count: 32))
        #expect(!keys.contains(zero))
        for key in [keys[0], keys[63], keys[64], keys[count - 1]] {
            let sealed = try AEAD.seal([1, 2, 3], key: key, keyVersion: 1, associatedData: [9])
            #expect(try AEAD.open(sealed, key: key, associatedData: [9]) == [1, 2, 3])
        }
    }

    @Test func pooledWordsDifferFromCallToCall() throws {
        var seen: Set<[UInt64]> = []
        for _ in 0..<1_000 {
            let (high, low) = try CryptoRandom.pooledWords()
            seen.insert([high, low])
        }
        #expect(seen.count == 1_000)
    }

    @Test func passphraseDerivationIsDeterministicPerSalt() throws {
        let salt = try PassphraseKDF.makeSalt()
        let a = try PassphraseKDF.deriveMasterKey(passphrase: "correct horse", salt: salt, cost: .interactive)
        let b = try PassphraseKDF.deriveMasterKey(passphrase: "correct horse", salt: salt, cost: .interactive)
        let c = try PassphraseKDF.deriveMasterKey(passphrase: "wrong horse", salt: salt, cost: .interactive)
        #expect(a == b)
        #expect(a != c)
    }
}
