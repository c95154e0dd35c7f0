import Testing
import Unification

@Suite struct ResolutionLogTests: ResolutionFixture {
    @Test func logNamesRuleAndKindOfEveryUnion() {
        let records = [
            record(0, ext: "A", emails: ["a@x.test"]),
            record(1, ext: "A"),
            record(2, emails: ["b@x.test"]),
            record(3, emails: ["b@x.test"], phones: ["80"]),
            record(4, phones: ["80"], anonymous: ["dev"]),
            record(5, anonymous: ["dev"]),
            record(6, anonymous: ["dev2"]),
        ]
        let links = [(key(.anonymousID, "dev2"), key(.email, "a@x.test"))]
        let resolution = ResolutionSession.resolve(records, links: links)
        #expect(groups(resolution, records) == [[0, 1, 6], [2, 3, 4, 5]])
        #expect(resolution.log.count == 5)
        let cluster = Dictionary(uniqueKeysWithValues: zip(records.map(\.index), resolution.clusters))
        for entry in resolution.log {
            guard case .record(let a) = entry.first, case .record(let b) = entry.second else {
                Issue.record("log names a subject in a batch without subjects")
                continue
            }
            #expect(cluster[a] == cluster[b])
        }
        let summary = resolution.log.map { "\($0.rule.rawValue):\($0.kind.rawValue)>\($0.linkedKind?.rawValue ?? "-")" }
        #expect(
            summary.sorted() == [
                "anonymous_id:anonymous_id>-", "email:email>-", "external_id:external_id>-", "link:email>-",
                "phone:phone>-",
            ])
        // Records 0 and 1 share the external id; record 6 reached A's e-mail only through its device link.
        #expect(
            resolution.log.contains(
                MergeLogEntry(rule: .externalID, kind: .externalID, first: .record(0), second: .record(1))))
        #expect(
            resolution.log.contains(MergeLogEntry(rule: .link, kind: .email, first: .record(0), second: .record(6))))
    }

    @Test func attachingThroughALinkToAnExternalIDSaysSo() {
        let records = [record(0, ext: "A"), record(1, anonymous: ["dev"])]
        let resolution = ResolutionSession.resolve(records, links: [(key(.externalID, "A"), key(.anonymousID, "dev"))])
        #expect(
            resolution.log == [
                MergeLogEntry(
                    rule: .link, kind: .anonymousID, linkedKind: .externalID, first: .record(0), second: .record(1))
            ])
    }

    @Test func removingAnEntrySplitsItsClusterInTwo() {
        let (records, _) = population(people: 200, seed: 3)
        let resolution = ResolutionSession.resolve(records)
        let clusterCount = Set(resolution.clusters).count
        // A spanning forest: one entry per union of records.
        #expect(resolution.log.count == records.count - clusterCount)
        for removed in stride(from: 0, to: resolution.log.count, by: 17) {
            var edges = resolution.log
            let entry = edges.remove(at: removed)
            let parts = components(count: records.count, edges: edges)
            guard case .record(let a) = entry.first, case .record(let b) = entry.second else {
                Issue.record("log names a subject in a batch without subjects")
                return
            }
            #expect(Set(parts).count == clusterCount + 1)
            #expect(parts[a] != parts[b])
        }
    }

    @Test func entriesNeverCarryIdentifierValues() {
        let resolution = ResolutionSession.resolve([
            record(0, emails: ["secret@x.test"]), record(1, emails: ["secret@x.test"]),
        ])
        #expect(!String(describing: resolution.log).contains("secret"))
    }

    /// Component label per record of the graph whose edges are log entries.
    private func components(count: Int, edges: [MergeLogEntry]) -> [Int] {
        var parent = Array(0..<count)
        func find(_ node: Int) -> Int {
            var node = node
            while parent[node] != node { node = parent[node] }
            return node
        }
        for edge in edges {
            if case .record(let a) = edge.first, case .record(let b) = edge.second { parent[find(a)] = find(b) }
        }
        return (0..<count).map(find)
    }
}
