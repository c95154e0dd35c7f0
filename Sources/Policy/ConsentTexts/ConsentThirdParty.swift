/// A person processing personal data on the operator's behalf (152-FZ Art. 9(4)(6)), or another recipient
/// a consent text names.
public struct ConsentThirdParty: Sendable, Hashable {
    /// The legal name.
    public let name: String
    /// The postal address; required for 152-FZ texts, possibly empty elsewhere.
    public let address: String
    /// What the party does with the data (e.g. "processor: delivers e-mail and SMS messages"), possibly empty.
    public let role: String

    /// Creates a third party.
    public init(name: String, address: String, role: String = "") {
        self.name = name
        self.address = address
        self.role = role
    }
}
