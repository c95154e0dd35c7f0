/// Which consent bits of a TC string a `TCFPurposeMap` reads.
public enum TCFConsentSignal: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `PurposesConsent` of the core segment: the user's purpose choices as shown for the vendors.
    case core
    /// `PubPurposesConsent` of the Publisher TC segment: the user's choices for the publisher's own processing.
    /// A string without that segment grants nothing.
    case publisherTC

    /// The name used in the map file: `core` or `publisherTC`.
    public var description: String { rawValue }
}
