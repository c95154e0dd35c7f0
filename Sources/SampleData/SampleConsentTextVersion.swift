/// One version of a consent text that consent records refer to.
public struct SampleConsentTextVersion: Sendable, Hashable {
    /// The identifier used in `consent_text_version`: `<jurisdiction>-<language>-v<version>`, e.g. `152fz-ru-v2`.
    public let id: String
    /// The jurisdiction the text is written for.
    public let jurisdiction: SampleJurisdiction
    /// ISO 639-1 language of the text.
    public let language: String
    /// Version number, starting at 1.
    public let version: Int
    /// Consent purposes the text asks for (`marketing.email`, …, `profiling`, `analytics`).
    public let purposes: [String]
}
