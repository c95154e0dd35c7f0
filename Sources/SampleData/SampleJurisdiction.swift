/// The data-protection regime a person falls under.
public enum SampleJurisdiction: String, Sendable, Hashable, CaseIterable {
    /// Russian Federal Law 152-FZ (used for RU and KZ).
    case fz152 = "152fz"
    /// The EU General Data Protection Regulation (used for every other country).
    case gdpr = "gdpr"
}
