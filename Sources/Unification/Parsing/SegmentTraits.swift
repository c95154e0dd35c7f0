/// The identity-relevant traits of a message as strings (numbers keep their JSON spelling).
/// Its description lists keys only: trait values are personal data and never printed.
struct SegmentTraits: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    private var values: [SegmentTraitKey: String] = [:]

    /// No traits.
    init() {}

    /// The given traits (tests).
    init(_ values: [SegmentTraitKey: String]) {
        self.values = values
    }

    /// The value of `key`, if the message had it.
    subscript(key: SegmentTraitKey) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// True when no trait was found.
    var isEmpty: Bool { values.isEmpty }

    /// The keys present, in declaration order.
    var keys: [SegmentTraitKey] { values.keys.sorted() }

    /// Adds the traits of `other` that this one lacks.
    mutating func fillMissing(from other: SegmentTraits) {
        for (key, value) in other.values where values[key] == nil { values[key] = value }
    }

    /// Keys only.
    var description: String { "SegmentTraits(\(keys.map(\.rawValue).joined(separator: ", ")))" }

    /// Keys only, so that `dump` shows no value either.
    var customMirror: Mirror { Mirror(self, children: ["keys": keys.map(\.rawValue)]) }
}
