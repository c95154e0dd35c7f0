/// The Publisher TC segment (segment type 3): the publisher's own purposes and custom purposes.
public struct TCFPublisherTC: Sendable, Hashable {
    /// `PubPurposesConsent`: the TCF purpose ids (1–24) the user consented to for the publisher.
    public let purposesConsent: Set<Int>
    /// `PubPurposesLITransparency`: the TCF purpose ids (1–24) with legitimate interest established.
    public let purposesLITransparency: Set<Int>
    /// `NumCustomPurposes`: how many custom purposes the publisher defined (0–63).
    public let numberOfCustomPurposes: Int
    /// `CustomPurposesConsent`: the custom purpose ids (1–`numberOfCustomPurposes`) consented to.
    public let customPurposesConsent: Set<Int>
    /// `CustomPurposesLITransparency`: the custom purpose ids with legitimate interest established.
    public let customPurposesLITransparency: Set<Int>

    /// Creates a Publisher TC segment.
    public init(
        purposesConsent: Set<Int>, purposesLITransparency: Set<Int>, numberOfCustomPurposes: Int,
        customPurposesConsent: Set<Int>, customPurposesLITransparency: Set<Int>
    ) {
        self.purposesConsent = purposesConsent
        self.purposesLITransparency = purposesLITransparency
        self.numberOfCustomPurposes = numberOfCustomPurposes
        self.customPurposesConsent = customPurposesConsent
        self.customPurposesLITransparency = customPurposesLITransparency
    }
}
