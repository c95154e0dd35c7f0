/// A subject that an earlier import stored, with the identifier tokens linked to it in the vault.
public struct ExistingSubject: Hashable, Sendable {
    /// The caller's opaque id of the subject; names it in results and logs.
    public var id: Int
    /// External ids linked to the subject; several ids on one subject are treated as one person.
    public var externalIDs: [IdentifierToken]
    /// E-mail tokens linked to the subject.
    public var emails: [IdentifierToken]
    /// Phone tokens linked to the subject.
    public var phones: [IdentifierToken]
    /// Anonymous-id tokens linked to the subject.
    public var anonymousIDs: [IdentifierToken]

    /// Creates an existing subject.
    public init(
        id: Int, externalIDs: [IdentifierToken] = [], emails: [IdentifierToken] = [], phones: [IdentifierToken] = [],
        anonymousIDs: [IdentifierToken] = []
    ) {
        self.id = id
        self.externalIDs = externalIDs
        self.emails = emails
        self.phones = phones
        self.anonymousIDs = anonymousIDs
    }
}
