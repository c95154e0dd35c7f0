/// One union performed by the resolver; never holds an identifier value or token.
///
/// The entries of a resolution form a spanning forest over the units: every entry joins a unit of one
/// part to a unit of another part, so removing an entry splits its cluster into exactly the two parts it
/// joined — which is how a wrong merge is explained and undone.
public struct MergeLogEntry: Hashable, Sendable {
    /// The rule that joined the two parts.
    public let rule: MergeRule
    /// The kind of the identifier that joined them; for a link, the end on the first part's side when known.
    public let kind: IdentifierKey.Kind
    /// For a link, the kind of the other end when known (`externalID` when the link names the person); nil
    /// otherwise.
    public let linkedKind: IdentifierKey.Kind?
    /// A unit of the first part.
    public let first: ResolutionUnit
    /// A unit of the second part.
    public let second: ResolutionUnit

    /// Creates an entry.
    public init(
        rule: MergeRule, kind: IdentifierKey.Kind, linkedKind: IdentifierKey.Kind? = nil, first: ResolutionUnit,
        second: ResolutionUnit
    ) {
        self.rule = rule
        self.kind = kind
        self.linkedKind = linkedKind
        self.first = first
        self.second = second
    }
}
