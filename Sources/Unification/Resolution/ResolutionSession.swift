/// Collects existing subjects, new records and identifier links, then resolves them into clusters.
///
/// Load the subjects earlier imports stored, add the new records and the links events supplied (in any
/// order: the partition does not depend on it), then call `resolve()`. Identifiers are interned as they
/// arrive, so the session keeps only compact node numbers, not the records themselves.
public struct ResolutionSession: Sendable {
    /// The rules the session resolves under.
    public let rules: ResolutionRules
    /// `rules.usedKinds`, kept at hand.
    private let usedKinds: UInt8
    var identifiers = IdentifierTable()
    var links = LinkSet()
    /// Per unit: the record index or the subject id.
    var unitNames: [Int] = []
    /// Per unit: whether it is an existing subject.
    var unitIsSubject: [Bool] = []
    /// Per unit `u`: its identifier nodes are `unitNodes[unitStarts[u]..<unitStarts[u + 1]]`, ascending.
    var unitStarts: [Int] = [0]
    var unitNodes: [Int32] = []
    /// Per unit: the number of distinct external ids it carries.
    var unitExternalIDs: [UInt8] = []
    /// The number of new records added.
    public private(set) var recordCount = 0

    /// An empty session under `rules`.
    public init(rules: ResolutionRules = .standard) {
        self.rules = rules
        self.usedKinds = rules.usedKinds
    }

    /// Adds a subject stored by an earlier import. Several external ids on one subject are taken as one
    /// person (the vault already decided so).
    public mutating func load(_ subject: ExistingSubject) {
        addUnit(
            name: subject.id, isSubject: true, externalIDs: subject.externalIDs, emails: subject.emails,
            phones: subject.phones, anonymousIDs: subject.anonymousIDs)
    }

    /// Adds a new record.
    public mutating func add(_ record: ResolutionRecord) {
        addUnit(
            name: record.index, isSubject: false, externalIDs: record.externalID.map { [$0] } ?? [],
            emails: record.emails, phones: record.phones, anonymousIDs: record.anonymousIDs)
        recordCount += 1
    }

    /// Adds an extra edge between two identifiers (e.g. an `anonymousId` and the `userId` or e-mail an
    /// `identify` or `alias` event tied it to). Links between two external ids, to a kind that does not
    /// link under the rules, or of an identifier to itself are ignored; repeated links cost nothing.
    public mutating func link(_ a: IdentifierKey, _ b: IdentifierKey) {
        guard a != b, uses(a.kind), uses(b.kind) else { return }
        guard a.kind != .externalID || b.kind != .externalID else { return }
        let nodeA = identifiers.intern(a.kind, a.token)
        let nodeB = identifiers.intern(b.kind, b.token)
        links.insert(nodeA, nodeB)
    }

    /// Resolves `records` (and `links`) against `existing` subjects in one call.
    public static func resolve(
        _ records: [ResolutionRecord], links: [(IdentifierKey, IdentifierKey)] = [], existing: [ExistingSubject] = [],
        rules: ResolutionRules = .standard
    ) -> Resolution {
        var session = ResolutionSession(rules: rules)
        for subject in existing { session.load(subject) }
        for record in records { session.add(record) }
        for (a, b) in links { session.link(a, b) }
        return session.resolve()
    }

    private func uses(_ kind: IdentifierKey.Kind) -> Bool {
        usedKinds & 1 << kind.ordinal != 0
    }

    private mutating func addUnit(
        name: Int, isSubject: Bool, externalIDs: [IdentifierToken], emails: [IdentifierToken],
        phones: [IdentifierToken], anonymousIDs: [IdentifierToken]
    ) {
        let start = unitNodes.count
        for token in externalIDs { unitNodes.append(identifiers.intern(.externalID, token)) }
        if uses(.email) { for token in emails { unitNodes.append(identifiers.intern(.email, token)) } }
        if uses(.phone) { for token in phones { unitNodes.append(identifiers.intern(.phone, token)) } }
        if uses(.anonymousID) {
            for token in anonymousIDs { unitNodes.append(identifiers.intern(.anonymousID, token)) }
        }
        // Sorted and unique, so a repeated identifier counts once.
        unitNodes[start...].sort()
        var end = start
        for position in start..<unitNodes.count where position == start || unitNodes[position] != unitNodes[end - 1] {
            unitNodes[end] = unitNodes[position]
            end += 1
        }
        unitNodes.removeSubrange(end...)
        let externalCount = unitNodes[start..<end].count { identifiers.kinds[Int($0)] == .externalID }
        unitNames.append(name)
        unitIsSubject.append(isSubject)
        unitStarts.append(end)
        unitExternalIDs.append(UInt8(min(externalCount, 255)))
    }
}
