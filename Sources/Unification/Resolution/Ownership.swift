/// Per identifier node: the person (external-id root) it is seen with, and whether it may link.
struct Ownership: Sendable {
    /// Marks an identifier seen with two or more people.
    static let shared: Int32 = -2
    /// The root node of the one person the identifier is seen with; -1 for none, `shared` for several.
    var person: [Int32]
    /// Whether a unit (not only a link) carried the identifier beside the person's external id.
    var throughUnit: [Bool]
    /// Whether a unit without an external id carries the identifier.
    var carriedWithoutExternalID: [Bool]
    /// Whether the identifier may link under the rules.
    var active: [Bool]

    /// No identifiers.
    init() {
        self.init(count: 0)
    }

    /// `count` identifiers seen with nobody yet.
    init(count: Int) {
        person = Array(repeating: -1, count: count)
        throughUnit = Array(repeating: false, count: count)
        carriedWithoutExternalID = Array(repeating: false, count: count)
        active = Array(repeating: false, count: count)
    }

    /// Records that `node` was seen with `person`.
    mutating func note(_ node: Int, person root: Int32, throughUnit unit: Bool) {
        let current = person[node]
        if current == -1 {
            person[node] = root
        } else if current != root {
            person[node] = Self.shared
        }
        if unit { throughUnit[node] = true }
    }
}
