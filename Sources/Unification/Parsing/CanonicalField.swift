/// A canonical Tresor customer field that a CSV column can be mapped to; the raw value is the
/// name used in mapping files.
public enum CanonicalField: String, Sendable, Hashable, CaseIterable {
    /// The operator's customer number.
    case externalId = "external_id"
    /// The e-mail address.
    case email
    /// The phone number.
    case phone
    /// The given name.
    case firstName = "first_name"
    /// The family name.
    case lastName = "last_name"
    /// The date of birth.
    case birthDate = "birth_date"
    /// The gender.
    case gender
    /// The city.
    case city
    /// The country (name or code).
    case country
    /// The preferred language or locale.
    case language
    /// When the record was created in its source system.
    case createdAt = "created_at"
    /// The source system (`crm`, `pos`, ...).
    case source
    /// The record's id in its source system.
    case sourceRecordId = "source_record_id"
}

extension CanonicalField {
    /// The position in `allCases`, for array-indexed lookups without hashing.
    var ordinal: Int {
        switch self {
        case .externalId: 0
        case .email: 1
        case .phone: 2
        case .firstName: 3
        case .lastName: 4
        case .birthDate: 5
        case .gender: 6
        case .city: 7
        case .country: 8
        case .language: 9
        case .createdAt: 10
        case .source: 11
        case .sourceRecordId: 12
        }
    }
}
