public import Foundation

/// A legal regime (`gdpr`, `152fz`, ...): consent age, request deadlines and destruction rules.
public struct RegimeDefinition: Sendable, Hashable {
    /// The regime name, e.g. `gdpr`.
    public let name: String
    /// The age from which a person consents alone; younger subjects need a guardian's consent.
    public let ageOfConsent: Int
    /// The deadline for answering data-subject requests.
    public let requestDeadline: RequestDeadline
    /// Days to destroy data once the purpose is achieved or consent withdrawn (152-FZ Art. 21(4)–(5)), if set.
    public let destructionDeadlineDays: Int?
    /// Days to keep the record (act) of a destruction (152-FZ: Roskomnadzor order No. 179, three years), if set.
    public let destructionRecordRetentionDays: Int?
    /// ISO 3166-1 alpha-2 country codes whose subjects fall under this regime.
    public let countries: [String]
    /// A human description, possibly empty.
    public let description: String

    /// Creates a regime definition.
    public init(
        name: String, ageOfConsent: Int, requestDeadline: RequestDeadline, destructionDeadlineDays: Int? = nil,
        destructionRecordRetentionDays: Int? = nil, countries: [String] = [], description: String = ""
    ) {
        self.name = name
        self.ageOfConsent = ageOfConsent
        self.requestDeadline = requestDeadline
        self.destructionDeadlineDays = destructionDeadlineDays
        self.destructionRecordRetentionDays = destructionRecordRetentionDays
        self.countries = countries
        self.description = description
    }

    /// Whether a person born on `birthDate` is younger than the age of consent at `now`.
    public func isBelowAgeOfConsent(
        birthDate: Date, at now: Date, calendar: Calendar = RequestDeadline.utcCalendar
    ) -> Bool {
        guard let adulthood = calendar.date(byAdding: .year, value: ageOfConsent, to: birthDate) else { return false }
        return now < adulthood
    }
}
