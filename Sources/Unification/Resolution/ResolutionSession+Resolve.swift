extension ResolutionSession {
    /// Resolves everything added under the rules and empties the session (releasing its memory as it goes;
    /// the rules stay). Deterministic, and the partition does not depend on the order in which subjects,
    /// records and links were added.
    ///
    /// 1. Units sharing an external id are joined (several ids on one existing subject join their people).
    /// 2. Every other identifier learns which people (external ids) it is seen with, directly on a unit
    ///    with an external id or through a link; seen with two or more it is *shared* and does not link.
    ///    One carried by too many units without an external id, or linked too often, is ignored.
    /// 3. Units without an external id are joined through the remaining identifiers and links.
    /// 4. Each component of step 3 whose identifiers point at exactly one person is attached to that
    ///    person; one that points at two or more stays on its own (`ambiguousClusters`).
    public mutating func resolve() -> Resolution {
        let kinds = identifiers.kinds
        identifiers = IdentifierTable()
        let identifierCount = kinds.count
        var sets = DisjointSet(count: identifierCount + unitNames.count, firstUnitNode: identifierCount)
        var log: [MergeLogEntry] = []
        let units = UnitNamer(names: unitNames, isSubject: unitIsSubject)

        joinExternalIDs(kinds: kinds, sets: &sets, log: &log, units: units)
        var owners = ownership(kinds: kinds, sets: &sets)
        joinWithoutExternalIDs(kinds: kinds, owners: owners, sets: &sets, log: &log, units: units)
        links = LinkSet()
        unitNodes = []
        unitStarts = [0]
        let touches = attach(kinds: kinds, owners: owners, sets: &sets, log: &log, units: units)
        owners = Ownership()
        let resolution = outcome(identifierCount: identifierCount, touches: touches, sets: &sets, log: log)
        self = ResolutionSession(rules: rules)
        return resolution
    }

    /// Step 1: every unit joins the node of each external id it carries.
    private func joinExternalIDs(
        kinds: [IdentifierKey.Kind], sets: inout DisjointSet, log: inout [MergeLogEntry], units: UnitNamer
    ) {
        let base = kinds.count
        for unit in unitNames.indices where unitExternalIDs[unit] > 0 {
            for position in unitStarts[unit]..<unitStarts[unit + 1] {
                let node = Int(unitNodes[position])
                guard kinds[node] == .externalID, let joined = sets.union(node, base + unit) else { continue }
                log.append(
                    MergeLogEntry(
                        rule: .externalID, kind: .externalID, first: units[joined.first],
                        second: units[joined.second]))
            }
        }
    }

    /// Step 2: which person each identifier is seen with, and whether it may link.
    private func ownership(kinds: [IdentifierKey.Kind], sets: inout DisjointSet) -> Ownership {
        var owners = Ownership(count: kinds.count)
        var degree = [UInt32](repeating: 0, count: kinds.count)
        let base = kinds.count
        for unit in unitNames.indices {
            let person = unitExternalIDs[unit] > 0 ? Int32(sets.find(base + unit)) : -1
            for position in unitStarts[unit]..<unitStarts[unit + 1] {
                let node = Int(unitNodes[position])
                guard kinds[node] != .externalID else { continue }
                if person >= 0 {
                    owners.note(node, person: person, throughUnit: true)
                } else {
                    degree[node] &+= 1
                    owners.carriedWithoutExternalID[node] = true
                }
            }
        }
        links.forEachLink { a, b in
            let a = Int(a)
            let b = Int(b)
            if kinds[a] == .externalID {
                owners.note(b, person: Int32(sets.find(a)), throughUnit: false)
            } else if kinds[b] == .externalID {
                owners.note(a, person: Int32(sets.find(b)), throughUnit: false)
            } else {
                degree[a] &+= 1
                degree[b] &+= 1
            }
        }
        let limit = UInt32(clamping: max(rules.maximumIdentifierDegree, 0))
        let sharedMayLink = rules.sharedIdentifiersLinkRecordsWithoutExternalID
        for node in 0..<kinds.count {
            owners.active[node] =
                kinds[node] != .externalID && degree[node] <= limit
                && (owners.person[node] != Ownership.shared || sharedMayLink)
        }
        return owners
    }

    /// Step 3: units without an external id join through active identifiers and links between them.
    private func joinWithoutExternalIDs(
        kinds: [IdentifierKey.Kind], owners: Ownership, sets: inout DisjointSet, log: inout [MergeLogEntry],
        units: UnitNamer
    ) {
        let base = kinds.count
        for unit in unitNames.indices where unitExternalIDs[unit] == 0 {
            for position in unitStarts[unit]..<unitStarts[unit + 1] {
                let node = Int(unitNodes[position])
                guard owners.active[node], let joined = sets.union(node, base + unit) else { continue }
                log.append(
                    MergeLogEntry(
                        rule: MergeRule(sharing: kinds[node]), kind: kinds[node], first: units[joined.first],
                        second: units[joined.second]))
            }
        }
        links.forEachLink { a, b in
            let a = Int(a)
            let b = Int(b)
            guard owners.active[a], owners.active[b], let joined = sets.union(a, b) else { return }
            log.append(
                MergeLogEntry(
                    rule: .link, kind: kinds[a], linkedKind: kinds[b], first: units[joined.first],
                    second: units[joined.second]))
        }
    }

    /// Step 4: attaches each component that points at exactly one person; returns the per-root touch
    /// state (`Touch.several` marks the ambiguous components).
    private func attach(
        kinds: [IdentifierKey.Kind], owners: Ownership, sets: inout DisjointSet, log: inout [MergeLogEntry],
        units: UnitNamer
    ) -> [Int32] {
        var touches = [Int32](repeating: Touch.none, count: kinds.count + unitNames.count)
        for node in 0..<kinds.count where owners.active[node] && owners.person[node] >= 0 {
            let root = sets.find(node)
            let touch = touches[root]
            if touch == Touch.none {
                touches[root] = owners.person[node]
            } else if touch >= 0 && touch != owners.person[node] {
                touches[root] = Touch.several
            }
        }
        for node in 0..<kinds.count where owners.active[node] && owners.person[node] >= 0 {
            let root = sets.find(node)
            let person = touches[root]
            guard person >= 0 else { continue }
            if let joined = sets.union(Int(person), root) {
                // Shared directly when units on both sides carry it; otherwise a link led to it.
                let throughUnit = owners.throughUnit[node]
                let shared = throughUnit && owners.carriedWithoutExternalID[node]
                log.append(
                    MergeLogEntry(
                        rule: shared ? MergeRule(sharing: kinds[node]) : .link, kind: kinds[node],
                        linkedKind: throughUnit ? nil : .externalID, first: units[joined.first],
                        second: units[joined.second]))
            }
            touches[root] = Touch.attached
            touches[sets.find(root)] = Touch.attached
        }
        return touches
    }

    /// Names clusters, picks surviving subjects and lays out the result.
    private func outcome(
        identifierCount: Int, touches: [Int32], sets: inout DisjointSet, log: [MergeLogEntry]
    ) -> Resolution {
        var clusters = ClusterTable(rootCount: identifierCount + unitNames.count)
        var unitCluster = [Int32](repeating: 0, count: unitNames.count)
        for unit in unitNames.indices {
            let root = sets.find(identifierCount + unit)
            let cluster = clusters.cluster(ofRoot: root, ambiguous: touches[root] == Touch.several)
            unitCluster[unit] = Int32(cluster)
            if unitIsSubject[unit] {
                clusters.offer(subjectUnit: unit, id: unitNames[unit], anchored: unitExternalIDs[unit] > 0, to: cluster)
            } else {
                clusters.name[cluster] = min(clusters.name[cluster], unitNames[unit])
            }
        }
        var names: [Int] = []
        var placements: [RecordPlacement] = []
        names.reserveCapacity(recordCount)
        placements.reserveCapacity(recordCount)
        var absorbed: [(survivor: Int, subject: Int)] = []
        for unit in unitNames.indices {
            let cluster = Int(unitCluster[unit])
            let survivor = clusters.survivor[cluster]
            if unitIsSubject[unit] {
                if unit != survivor { absorbed.append((unitNames[survivor], unitNames[unit])) }
            } else {
                names.append(clusters.name[cluster])
                placements.append(
                    survivor >= 0 ? .existing(subject: unitNames[survivor]) : .new(cluster: clusters.name[cluster]))
            }
        }
        absorbed.sort { ($0.survivor, $0.subject) < ($1.survivor, $1.subject) }
        var merges: [SubjectMerge] = []
        var start = 0
        while start < absorbed.count {
            var end = start
            while end < absorbed.count && absorbed[end].survivor == absorbed[start].survivor { end += 1 }
            merges.append(
                SubjectMerge(survivor: absorbed[start].survivor, absorbed: absorbed[start..<end].map(\.subject)))
            start = end
        }
        let ambiguous = clusters.name.indices.filter { clusters.ambiguous[$0] && clusters.name[$0] != Int.max }
            .map { clusters.name[$0] }.sorted()
        return Resolution(
            clusters: names, placements: placements, merges: merges, log: log, ambiguousClusters: ambiguous)
    }
}

/// Turns unit numbers into the names callers know.
struct UnitNamer {
    let names: [Int]
    let isSubject: [Bool]

    subscript(unit: Int) -> ResolutionUnit {
        isSubject[unit] ? .subject(names[unit]) : .record(names[unit])
    }
}

/// Touch states of a component root in step 4 (non-negative values name the one person touched).
enum Touch {
    static let none: Int32 = -1
    static let several: Int32 = -2
    static let attached: Int32 = -3
}
