import Testing

@testable import SampleData

@Suite struct RandomSourceTests {
    @Test func outputsMatchTheReferenceXoshiro256StarStar() {
        // Reference values from an independent implementation (SplitMix64 seeding, xoshiro256**).
        var one = RandomSource(seed: 1)
        #expect(
            [one.next(), one.next(), one.next(), one.next()] == [
                0xB3F2_AF6D_0FC7_10C5, 0x853B_5596_4736_4CEA, 0x92F8_9756_082A_4514, 0x642E_1C7B_C266_A3A7,
            ])
        var zero = RandomSource(seed: 0)
        #expect([zero.next(), zero.next()] == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A])
    }

    @Test func boundedDrawsStayInRange() {
        var random = RandomSource(seed: 5, stream: .events, index: 3)
        var seen = Set<Int>()
        for _ in 0..<2000 {
            let value = random.int(in: 1...6)
            #expect((1...6).contains(value))
            seen.insert(value)
            let unit = random.unit()
            #expect(unit >= 0 && unit < 1)
        }
        #expect(seen.count == 6)
        let sample = random.sampleIndices(3, of: 40)
        #expect(Set(sample).count == 3 && sample.allSatisfy { (0..<40).contains($0) })
    }

    @Test func streamsAreIndependent() {
        var a = RandomSource(seed: 1, stream: .events, index: 0)
        var b = RandomSource(seed: 1, stream: .events, index: 1)
        var c = RandomSource(seed: 1, stream: .consents, index: 0)
        let first = a.next()
        #expect(first != b.next())
        #expect(first != c.next())
    }

    @Test func uniqueNumbersArePermutations() {
        var seen = Set<UInt64>()
        for index in 0..<1000 {
            let value = UniqueNumbers.permute(UInt64(index), below: 1000, seed: 3, kind: .phone)
            #expect(value < 1000)
            seen.insert(value)
        }
        #expect(seen.count == 1000)
        let tails = (0..<5000).map { UniqueNumbers.phoneTail(index: $0, seed: 9, digits: 7) }
        #expect(Set(tails).count == 5000 && tails.allSatisfy { $0 < 10_000_000 })
        let externalIds = (0..<5000).map { UniqueNumbers.externalIdNumber(index: $0, seed: 9) }
        #expect(Set(externalIds).count == 5000 && externalIds.allSatisfy { $0 < 1_000_000_000_000 })
    }
}
