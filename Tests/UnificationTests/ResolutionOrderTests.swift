import Testing
import Unification

@Suite struct ResolutionOrderTests: ResolutionFixture {
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func shuffledInputGivesTheSamePartition(seed: UInt64) {
        var (records, _) = population(people: 300, seed: 11)
        // Records pointing at two people, where a first-come union-find would depend on order.
        let extra = [
            record(0, ext: "X1", emails: ["amb1@x.test"]), record(0, ext: "X2", phones: ["amb2"]),
            record(0, emails: ["amb1@x.test"], phones: ["amb2"]), record(0, emails: ["amb1@x.test"]),
            record(0, emails: ["amb3@x.test"], anonymous: ["d1"]), record(0, ext: "X3", emails: ["amb3@x.test"]),
            record(0, anonymous: ["d2"]),
        ]
        for var added in extra {
            added.index = records.count
            records.append(added)
        }
        var links = [
            (key(.anonymousID, "d1"), key(.externalID, "X1")), (key(.anonymousID, "d2"), key(.externalID, "X2")),
            (key(.anonymousID, "d2"), key(.email, "p10@mail.test")),
        ]
        let reference = ResolutionSession.resolve(records, links: links)
        // Ambiguous: the amb1+amb2 middle (with the amb1-only record), d1 (X1 and X3), d2 (X2 and person 10).
        #expect(reference.ambiguousClusters.count == 3)
        var random = ResolutionSplitMix(state: seed)
        records.shuffle(using: &random)
        links.shuffle(using: &random)
        let shuffled = ResolutionSession.resolve(records, links: links)
        for (position, record) in records.enumerated() {
            #expect(shuffled.clusters[position] == reference.clusters[record.index])
        }
        #expect(shuffled.ambiguousClusters == reference.ambiguousClusters)
        #expect(shuffled.log.count == reference.log.count)
    }
}
