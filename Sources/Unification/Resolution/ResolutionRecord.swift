/// One imported source record, reduced to the blind-index tokens of its normalised identifiers.
public struct ResolutionRecord: Hashable, Sendable {
    /// The caller's stable index of the record (e.g. its row number); names the record in results and logs.
    public var index: Int
    /// The source system's customer id, if the record has one.
    public var externalID: IdentifierToken?
    /// Valid, normalised e-mail addresses.
    public var emails: [IdentifierToken]
    /// Valid phone numbers in E.164.
    public var phones: [IdentifierToken]
    /// Device or browser ids seen with the record.
    public var anonymousIDs: [IdentifierToken]

    /// Creates a record; identifiers the normaliser rejected must be left out.
    public init(
        index: Int, externalID: IdentifierToken? = nil, emails: [IdentifierToken] = [],
        phones: [IdentifierToken] = [], anonymousIDs: [IdentifierToken] = []
    ) {
        self.index = index
        self.externalID = externalID
        self.emails = emails
        self.phones = phones
        self.anonymousIDs = anonymousIDs
    }
}
