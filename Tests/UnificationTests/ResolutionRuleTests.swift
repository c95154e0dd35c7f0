import Testing
import Unification

@Suite struct ResolutionRuleTests: ResolutionFixture {
    @Test func externalIDJoinsRecordsWithNothingElseInCommon() {
        let records = [
            record(0, ext: "A", emails: ["a@x.test"]), record(1, ext: "A", phones: ["71"]), record(2, ext: "B"),
        ]
        #expect(resolvedGroups(records) == [[0, 1], [2]])
    }

    @Test func differentExternalIDsNeverMergeThroughAChain() {
        // A—e1—(no id)—p1—(no id)—e2—B: without the external-id rule this chain would be one cluster.
        let records = [
            record(0, ext: "A", emails: ["e1@x.test"]),
            record(1, emails: ["e1@x.test"], phones: ["p1"]),
            record(2, emails: ["e2@x.test"], phones: ["p1"]),
            record(3, ext: "B", emails: ["e2@x.test"]),
        ]
        let resolution = ResolutionSession.resolve(records)
        #expect(resolution.clusters[0] != resolution.clusters[3])
        // The middle records point at both people, so they stay together but attached to neither.
        #expect(groups(resolution, records) == [[0], [1, 2], [3]])
        #expect(resolution.ambiguousClusters == [1])
    }

    @Test func sharedHouseholdEmailDoesNotMerge() {
        let records = [
            record(0, ext: "A", emails: ["home@x.test"]),
            record(1, ext: "B", emails: ["home@x.test"]),
            record(2, emails: ["home@x.test"]),
        ]
        #expect(resolvedGroups(records) == [[0], [1], [2]])
    }

    @Test func sharedIdentifierMayLinkRecordsWithoutExternalIDWhenAllowed() {
        let records = [
            record(0, ext: "A", emails: ["home@x.test"]),
            record(1, ext: "B", emails: ["home@x.test"]),
            record(2, emails: ["home@x.test"]),
            record(3, emails: ["home@x.test"], phones: ["72"]),
        ]
        let rules = ResolutionRules(sharedIdentifiersLinkRecordsWithoutExternalID: true)
        #expect(resolvedGroups(records, rules: rules) == [[0], [1], [2, 3]])
        #expect(resolvedGroups(records) == [[0], [1], [2], [3]])
    }

    @Test func recordWithoutExternalIDJoinsThroughUniqueEmail() {
        let records = [record(0, ext: "A", emails: ["a@x.test"]), record(1, emails: ["a@x.test"]), record(2, ext: "B")]
        #expect(resolvedGroups(records) == [[0, 1], [2]])
    }

    @Test func recordWithoutExternalIDJoinsThroughUniquePhone() {
        let records = [record(0, ext: "A", phones: ["4930123"]), record(1, phones: ["4930123"]), record(2)]
        #expect(resolvedGroups(records) == [[0, 1], [2]])
    }

    @Test func recordsWithoutAnyExternalIDJoinEachOther() {
        let records = [
            record(0, emails: ["a@x.test"]), record(1, emails: ["a@x.test"], phones: ["73"]), record(2, phones: ["73"]),
        ]
        #expect(resolvedGroups(records) == [[0, 1, 2]])
    }

    @Test func linkingKindsCanBeSwitchedOff() {
        let records = [record(0, ext: "A", phones: ["74"]), record(1, phones: ["74"]), record(2, emails: ["b@x.test"])]
        let rules = ResolutionRules(linkingKinds: [.email])
        #expect(resolvedGroups(records, rules: rules) == [[0], [1], [2]])
    }

    @Test func anonymousIDsJoinThroughLinks() {
        let records = [
            record(0, ext: "A"),
            record(1, anonymous: ["device-1"]),
            record(2, emails: ["c@x.test"]),
            record(3, anonymous: ["device-2"]),
        ]
        let links = [
            (key(.anonymousID, "device-1"), key(.externalID, "A")),  // identify: userId A on device-1
            (key(.anonymousID, "device-2"), key(.email, "c@x.test")),  // identify traits on device-2
        ]
        #expect(resolvedGroups(records, links: links) == [[0, 1], [2, 3]])
        #expect(resolvedGroups(records) == [[0], [1], [2], [3]])
    }

    @Test func linkToTwoExternalIDsIsShared() {
        let records = [record(0, ext: "A"), record(1, ext: "B"), record(2, anonymous: ["kiosk"])]
        let links = [
            (key(.anonymousID, "kiosk"), key(.externalID, "A")), (key(.anonymousID, "kiosk"), key(.externalID, "B")),
        ]
        #expect(resolvedGroups(records, links: links) == [[0], [1], [2]])
    }

    @Test func linkBetweenTwoExternalIDsIsRefused() {
        let records = [record(0, ext: "A"), record(1, ext: "B")]
        let links = [(key(.externalID, "A"), key(.externalID, "B"))]
        #expect(resolvedGroups(records, links: links) == [[0], [1]])
    }

    @Test func identifierOnTooManyRecordsWithoutExternalIDIsIgnored() {
        // 12 records share a placeholder phone; each also has its own e-mail.
        let records = (0..<12).map { record($0, emails: ["r\($0)@x.test"], phones: ["70000000000"]) }
        let strict = ResolutionRules(maximumIdentifierDegree: 10)
        #expect(resolvedGroups(records, rules: strict).count == 12)
        let loose = ResolutionRules(maximumIdentifierDegree: 12)
        #expect(resolvedGroups(records, rules: loose) == [Set(0..<12)])
    }

    @Test func degreeCountsOnlyRecordsWithoutExternalID() {
        var records = (0..<20).map { record($0, ext: "A", emails: ["a@x.test"]) }
        records.append(record(20, emails: ["a@x.test"]))
        let rules = ResolutionRules(maximumIdentifierDegree: 1)
        #expect(resolvedGroups(records, rules: rules) == [Set(0...20)])
    }

    @Test func generatedPopulationResolvesExactly() {
        let (records, truth) = population(people: 400, seed: 7)
        let resolution = ResolutionSession.resolve(records)
        let score = PairwiseScore.compute(predicted: resolution.clusters, truth: truth)
        #expect(score.correctPairs == score.truePairs)
        #expect(score.correctPairs == score.predictedPairs)
        // The population does hold households that plain union-find would merge.
        var externalIDs: [IdentifierToken: Set<IdentifierToken>] = [:]
        for record in records {
            guard let ext = record.externalID else { continue }
            for token in record.emails + record.phones { externalIDs[token, default: []].insert(ext) }
        }
        #expect(externalIDs.values.filter { $0.count > 1 }.count >= 5)
    }
}
