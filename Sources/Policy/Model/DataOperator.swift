/// The data controller (GDPR) / operator (152-FZ Art. 3(2)) responsible for the processing.
public struct DataOperator: Sendable, Hashable {
    /// The legal name.
    public let name: String
    /// The postal address.
    public let address: String
    /// A contact for data-protection matters (e.g. the DPO's mailbox), possibly empty.
    public let contact: String

    /// Creates an operator.
    public init(name: String, address: String, contact: String = "") {
        self.name = name
        self.address = address
        self.contact = contact
    }
}
