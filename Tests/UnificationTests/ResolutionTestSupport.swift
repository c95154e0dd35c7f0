import Testing
import Unification

/// Builders for resolution tests; suites conform to call them unqualified without global names.
protocol ResolutionFixture {}

extension ResolutionFixture {
    /// Unkeyed stand-in for the vault's blind index: two FNV-1a streams with splitmix finalisers.
    func token(_ kind: IdentifierKey.Kind, _ value: String) -> IdentifierToken {
        var first: UInt64 = 0xCBF2_9CE4_8422_2325
        var second: UInt64 = 0x6C62_272E_07BB_0142
        for byte in kind.rawValue.utf8 + [0] + value.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
        }
        return IdentifierToken(high: mix(first), low: mix(second ^ 0x5851_F42D_4C95_7F2D))
    }

    private func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// The key of `value` as a `kind`.
    func key(_ kind: IdentifierKey.Kind, _ value: String) -> IdentifierKey {
        IdentifierKey(kind: kind, token: token(kind, value))
    }

    /// A record from plain test values.
    func record(
        _ index: Int, ext: String? = nil, emails: [String] = [], phones: [String] = [], anonymous: [String] = []
    ) -> ResolutionRecord {
        ResolutionRecord(
            index: index, externalID: ext.map { token(.externalID, $0) }, emails: emails.map { token(.email, $0) },
            phones: phones.map { token(.phone, $0) }, anonymousIDs: anonymous.map { token(.anonymousID, $0) })
    }

    /// An existing subject from plain test values.
    func subject(
        _ id: Int, ext: [String] = [], emails: [String] = [], phones: [String] = [], anonymous: [String] = []
    ) -> ExistingSubject {
        ExistingSubject(
            id: id, externalIDs: ext.map { token(.externalID, $0) }, emails: emails.map { token(.email, $0) },
            phones: phones.map { token(.phone, $0) }, anonymousIDs: anonymous.map { token(.anonymousID, $0) })
    }

    /// The clusters of `resolution` as sets of record indexes (records were added in `records` order).
    func groups(_ resolution: Resolution, _ records: [ResolutionRecord]) -> Set<Set<Int>> {
        var byCluster: [Int: Set<Int>] = [:]
        for (record, cluster) in zip(records, resolution.clusters) {
            byCluster[cluster, default: []].insert(record.index)
        }
        return Set(byCluster.values)
    }

    /// Resolves and returns the clusters as sets of record indexes.
    func resolvedGroups(
        _ records: [ResolutionRecord], links: [(IdentifierKey, IdentifierKey)] = [], rules: ResolutionRules = .standard
    ) -> Set<Set<Int>> {
        groups(ResolutionSession.resolve(records, links: links, rules: rules), records)
    }

    /// A population shaped like the generated data set: 1–3 records per person, 80 % with an external id,
    /// households sharing an e-mail or phone (always beside the external id), every record linked to the
    /// person's first one. Returns the records (index = position) and each record's person.
    func population(people: Int, seed: UInt64) -> (records: [ResolutionRecord], truth: [Int]) {
        var random = ResolutionSplitMix(state: seed)
        var records: [ResolutionRecord] = []
        var truth: [Int] = []
        var pending: (kind: IdentifierKey.Kind, value: String)?
        for person in 0..<people {
            let ext: String? = Double.random(in: 0..<1, using: &random) < 0.8 ? "C\(person)" : nil
            var email = "p\(person)@mail.test"
            var phone = "7900\(person)"
            var shared: IdentifierKey.Kind?
            if ext != nil {
                if let household = pending {
                    shared = household.kind
                    if household.kind == .email { email = household.value } else { phone = household.value }
                    pending = nil
                } else if Double.random(in: 0..<1, using: &random) < 0.1 {
                    shared = Bool.random(using: &random) ? .email : .phone
                    pending = (shared!, shared == .email ? email : phone)
                }
            }
            let count = Int.random(in: 1...3, using: &random)
            var first: Set<String> = []
            for position in 0..<count {
                var kinds: Set<String> = []
                if ext != nil && Bool.random(using: &random) { kinds.insert("ext") }
                if Double.random(in: 0..<1, using: &random) < 0.8 { kinds.insert("email") }
                if Double.random(in: 0..<1, using: &random) < 0.6 { kinds.insert("phone") }
                if shared == .email && kinds.contains("email") || shared == .phone && kinds.contains("phone") {
                    kinds.insert("ext")
                }
                let safe = Set(["ext", "email", "phone"]).filter {
                    ($0 != "ext" || ext != nil) && ($0 != "email" || shared != .email)
                        && ($0 != "phone" || shared != .phone)
                }
                if position == 0 {
                    if kinds.isDisjoint(with: safe) { kinds.insert(safe.sorted()[0]) }
                    first = kinds
                } else if kinds.intersection(first).isDisjoint(with: safe) {
                    kinds.insert(first.intersection(safe).sorted()[0])
                }
                records.append(
                    record(
                        records.count, ext: kinds.contains("ext") ? ext : nil,
                        emails: kinds.contains("email") ? [email] : [], phones: kinds.contains("phone") ? [phone] : []))
                truth.append(person)
            }
        }
        return (records, truth)
    }
}

/// A small deterministic random generator for test populations.
struct ResolutionSplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var x = state
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }
}
