/// Whether an actor is a human role (`--as marketer`) or a module of Tresor acting on its own.
public enum ActorKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A human role: marketer, compliance, auditor, admin.
    case role
    /// A module: unification, segmentation, messaging.
    case module

    /// The name used in policy files.
    public var description: String { rawValue }
}
