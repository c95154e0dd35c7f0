import Foundation
import Testing

@testable import Vault

/// Subject ids minted by the vault: creation time first, then 80 random bits (Docs/decisions.md,
/// entry 30).
@Suite struct SubjectIDTests {
    @Test func mintedIdsCarryTheirTimeAndSortByIt() throws {
        var earlier = try SubjectID.minted(at: 1_790_000_000_000)
        #expect(earlier.mintedAt == 1_790_000_000_000)
        for step in 1...2_000 {
            let at = 1_790_000_000_000 + Int64(step) * 37
            let later = try SubjectID.minted(at: at)
            #expect(later.mintedAt == at)
            #expect(earlier < later)
            #expect(SubjectID(hex: later.description) == later)
            earlier = later
        }
    }

    @Test func idsMintedInOneMillisecondShareOnlyTheTime() throws {
        let ids = try (0..<10_000).map { _ in try SubjectID.minted(at: 1_790_000_000_123) }
        #expect(Set(ids).count == ids.count)
        let prefix = Array(ids[0].bytes.prefix(6))
        for id in ids { #expect(Array(id.bytes.prefix(6)) == prefix) }
        // Every one of the last ten bytes takes many values: they are random, not a counter.
        for position in 6..<16 {
            let values = Set(ids.map { $0.bytes[position] })
            #expect(values.count > 200, "byte \(position)")
        }
    }

    /// Sets and dictionaries hash ids with a cheap mix of both words and the table's seed: ids
    /// differing in one bit land in different buckets, so a million-entry table stays fast.
    @Test func theHashMixesEveryBitOfBothWordsAndTheSeed() throws {
        let base = try SubjectID.minted(at: 1_790_000_000_123)
        var hashes = Set<Int>()
        for bit in 0..<128 {
            var bytes = base.bytes
            bytes[bit / 8] ^= 1 << UInt8(bit % 8)
            let flipped = SubjectID(bytes: bytes)!
            // The low 16 bits (a small table's bucket) change with any input bit.
            #expect(flipped._rawHashValue(seed: 0) & 0xFFFF != base._rawHashValue(seed: 0) & 0xFFFF, "bit \(bit)")
            hashes.insert(flipped._rawHashValue(seed: 0))
        }
        #expect(hashes.count == 128)
        #expect(base._rawHashValue(seed: 1) != base._rawHashValue(seed: 2))
        // Ids that differ only in their time (one per millisecond, same random bits) spread too.
        let spread = Set(
            (0..<4_096).map { step in
                SubjectID(
                    bytes: Array(
                        SubjectID(bytes: base.bytes)!.bytes.enumerated().map { index, byte in
                            index == 5
                                ? UInt8(truncatingIfNeeded: step)
                                : index == 4 ? UInt8(truncatingIfNeeded: step >> 8) : byte
                        }))!._rawHashValue(seed: 0) & 4_095
            })
        #expect(spread.count > 2_400)
        var table: [SubjectID: Int] = [:]
        let ids = try (0..<20_000).map { _ in try SubjectID.minted(at: 1_790_000_000_123) }
        for (index, id) in ids.enumerated() { table[id] = index }
        for (index, id) in ids.enumerated() { #expect(table[id] == index) }
    }

    @Test func timesOutsideSixBytesAreClamped() throws {
        let beforeTheEpoch = try SubjectID.minted(at: -5)
        let farFuture = try SubjectID.minted(at: .max)
        let zero = try SubjectID.minted(at: 0)
        let one = try SubjectID.minted(at: 1)
        #expect(beforeTheEpoch.mintedAt == 0)
        #expect(farFuture.mintedAt == (1 << 48) - 1)
        #expect(zero < one)
    }

    @Test func theVaultMintsEachSubjectAtItsCreationTime() throws {
        let first = try TemporaryVault(clock: FixedClock(1_790_000_000_000))
        let second = try TemporaryVault(clock: FixedClock(1_790_000_060_000))
        defer {
            first.remove()
            second.remove()
        }
        let a = try first.vault.write(as: testActor, purpose: "unification") { w in
            try (0..<50).map { _ in try w.createSubject(jurisdiction: "gdpr") }
        }
        let b = try second.vault.write(as: testActor, purpose: "unification") { w in
            try w.createSubject(jurisdiction: "152fz")
        }
        #expect(Set(a).count == a.count)
        for id in a {
            #expect(id.mintedAt == 1_790_000_000_000)
            #expect(id < b)
        }
        #expect(b.mintedAt == 1_790_000_060_000)
    }
}
