/// One `PubRestrictionEntry` of the core segment: a purpose, a restriction type and the vendors it applies to.
///
/// Ranges inside one entry may repeat or overlap (published strings do this, see iabtcf-es issue 201); they are
/// merged into `vendors`.
public struct TCFPublisherRestriction: Sendable, Hashable {
    /// The restricted TCF purpose id (`PurposeId`, 6 bits).
    public let purposeID: Int
    /// What the restriction requires.
    public let type: TCFRestrictionType
    /// The vendors under the restriction.
    public let vendors: TCFVendorSet

    /// Creates a restriction.
    public init(purposeID: Int, type: TCFRestrictionType, vendors: TCFVendorSet) {
        self.purposeID = purposeID
        self.type = type
        self.vendors = vendors
    }
}
