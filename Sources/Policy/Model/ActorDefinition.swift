/// Someone or something that reads personal data: a role or a module, with its grants.
public struct ActorDefinition: Sendable, Hashable {
    /// The actor name, e.g. `marketer` or `messaging`.
    public let name: String
    /// Role or module.
    public let kind: ActorKind
    /// What the actor may read, for which purposes.
    public let grants: [Grant]
    /// A human description, possibly empty.
    public let description: String

    /// Creates an actor definition.
    public init(name: String, kind: ActorKind, grants: [Grant], description: String = "") {
        self.name = name
        self.kind = kind
        self.grants = grants
        self.description = description
    }
}
