/// Who is acting: a policy actor (a role such as `compliance`, or a module such as
/// `unification`) and the operating-system user behind it. Both appear in every audit entry.
public struct Actor: Sendable, Hashable, CustomStringConvertible {
    /// The policy actor's name.
    public let name: String
    /// The operating-system user (or service account) that ran the command.
    public let osUser: String

    /// Creates an actor.
    public init(name: String, osUser: String) {
        self.name = name
        self.osUser = osUser
    }

    public var description: String { "\(name) (\(osUser))" }
}
