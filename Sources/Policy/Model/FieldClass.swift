/// The class of a personal field; grants and safeguards are stated per class.
public enum FieldClass: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Identifies a person directly or by a stable key: external id, device id, names.
    case identifier
    /// Reaches a person: email, phone.
    case contact
    /// Describes a person: birth date, gender, city, country, language.
    case demographic
    /// GDPR Art. 9 / 152-FZ Art. 10 special categories (health, beliefs, ...): explicit consent or a stated condition.
    case specialCategory = "special_category"
    /// Describes what a person did: dates, activity.
    case behavioural
    /// Money: payment data, balances.
    case financial

    /// The name used in policy files, e.g. `special_category`.
    public var description: String { rawValue }
}
