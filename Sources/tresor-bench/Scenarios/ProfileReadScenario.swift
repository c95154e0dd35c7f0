import Vault
import VaultCrypto

/// `profile-read`: decrypting a 20-field profile through the vault's internal read path
/// (`VaultProbe.profileReadLatencies`: load the subject row, unwrap or reuse its key, read and
/// open every field), warm: one pass first, then two measured passes. Target: median ≤ 20 µs.
/// Baseline: the same two queries on the plaintext copy. Also reported: the same over a set of
/// subjects whose keys stay cached, and the crypto floor (20 AEAD opens alone).
struct ProfileReadScenario: BenchScenario {
    let name = "profile-read"
    let title = "internal 20-field profile read and decrypt (no policy, no audit)"

    func run(in context: BenchContext, report: inout ScenarioReport) throws {
        let fixture = try context.fixture()
        let copy = try context.plaintextCopy()
        let sizes = context.sizes
        let vault = try fixture.open(durability: .normal)
        let sample = Self.sample(fixture.subjects, count: sizes.profileSample, seed: 11)
        let ids = sample.map(\.bytes)
        report.set("subjects", sample.count)
        report.set("fields_per_subject", ProfileFields.names.count)

        context.log(
            "profile-read: \(NumberText.grouped(sample.count)) subjects, warm-up pass then 2 passes (encrypted, plaintext)"
        )
        _ = try VaultProbe.profileReadLatencies(vault: vault, subjects: sample)
        _ = try copy.profileReadLatencies(ids: ids)
        var latencies: [UInt64] = []
        var baselineLatencies: [UInt64] = []
        for _ in 0..<2 {
            latencies += try VaultProbe.profileReadLatencies(vault: vault, subjects: sample)
            baselineLatencies += try copy.profileReadLatencies(ids: ids)
        }
        let all = LatencySample(nanoseconds: latencies)
        let baseline = LatencySample(nanoseconds: baselineLatencies)
        report.add(
            Metric(
                "median", all.medianMicroseconds, "µs", baseline: baseline.medianMicroseconds, target: .atMost(20, "µs")
            ))
        report.add(Metric("p99", all.p99Microseconds, "µs", baseline: baseline.p99Microseconds))
        report.add(Metric("throughput", all.operationsPerSecond, "reads/s", baseline: baseline.operationsPerSecond))

        // The same over a set whose data keys stay cached.
        let hot = Array(sample.prefix(sizes.profileHotSample))
        _ = try VaultProbe.profileReadLatencies(vault: vault, subjects: hot)
        var hotLatencies: [UInt64] = []
        for _ in 0..<5 { hotLatencies += try VaultProbe.profileReadLatencies(vault: vault, subjects: hot) }
        let hotSample = LatencySample(nanoseconds: hotLatencies)
        report.add(Metric("median, keys cached (\(hot.count) subjects)", hotSample.medianMicroseconds, "µs"))
        report.add(Metric("crypto floor: 20 AEAD opens", try cryptoFloor(fixture), "µs"))
        report.note(
            "profile-read: 'keys cached' reads \(NumberText.grouped(hot.count)) subjects right after a pass that cached their data keys, so no read unwraps a key; 'crypto floor' is the median of 20 XChaCha20-Poly1305 (AEAD v1) opens of the same values alone, sealed in one run as the vault seals a write (one subkey derivation per read)."
        )
    }

    /// Median time of opening one profile's 20 sealed values, with the vault's ciphertext format,
    /// associated data shape and nonces (the 20 values of one write share a `SealRun`, so a read
    /// derives one XChaCha20 subkey, through a `SubkeyCache`), outside SQLite: the least any
    /// 20-field read can cost. Two subjects under two keys alternate, as reads of different
    /// subjects do.
    private func cryptoFloor(_ fixture: MainVaultFixture) throws -> Double {
        let run = try SealRun()
        let profiles = try (0..<2).map { index in
            let key = try DataKey.generate()
            let subject = fixture.subjects[index].bytes
            let sealed = try fixture.values(ofSubjectAt: index).map { name, value in
                let ad = [0x66] + subject + Array(name.utf8)
                let plaintext = Array(value.text.utf8)
                var output = [UInt8](repeating: 0, count: AEAD.overhead + plaintext.count)
                let count = try plaintext.withUnsafeBytes { plaintext in
                    try ad.withUnsafeBytes { ad in
                        try output.withUnsafeMutableBytes {
                            try AEAD.seal(
                                bytes: plaintext, key: key, keyVersion: 1, associatedData: ad, into: $0, run: run)
                        }
                    }
                }
                return (Array(output[..<count]), ad)
            }
            return (key, sealed)
        }
        let cache = try SubkeyCache()
        var plaintext = [UInt8](repeating: 0, count: 4096)
        let none = UnsafeRawBufferPointer(start: nil, count: 0)
        var latencies: [UInt64] = []
        for round in 0..<2_000 {
            let (key, sealed) = profiles[round % 2]
            let (_, duration) = try Stopwatch.time {
                for (ciphertext, ad) in sealed {
                    _ = try ciphertext.withUnsafeBytes { ciphertext in
                        try ad.withUnsafeBytes { ad in
                            try plaintext.withUnsafeMutableBytes {
                                try AEAD.open(
                                    ciphertext, key: key, associatedData: ad, followedBy: none, into: $0, subkeys: cache
                                )
                            }
                        }
                    }
                }
            }
            latencies.append(duration.nanoseconds)
        }
        return LatencySample(nanoseconds: latencies).medianMicroseconds
    }

    /// `count` subjects picked deterministically from `subjects` (all of them, shuffled, when fewer).
    static func sample(_ subjects: [SubjectID], count: Int, seed: UInt64) -> [SubjectID] {
        var random = SplitMix64(seed: seed)
        var pool = subjects
        for index in stride(from: pool.count - 1, to: 0, by: -1) { pool.swapAt(index, random.below(index + 1)) }
        return Array(pool.prefix(count))
    }
}
