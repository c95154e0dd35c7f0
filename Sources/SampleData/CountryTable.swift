/// Countries people come from, with weights, jurisdiction, language, phone numbering, cities and names.
struct CountryTable {
    /// ISO 3166-1 alpha-2 code.
    let code: String
    /// Relative frequency.
    let weight: Int
    /// 152-FZ or GDPR.
    let jurisdiction: SampleJurisdiction
    /// ISO 639-1 language code, also the language of consent texts.
    let language: String
    /// International calling code without `+`.
    let callingCode: String
    /// Digits of a national significant number.
    let nationalDigits: Int
    /// First digits of mobile numbers.
    let mobileLeadingDigits: [String]
    /// Order currency.
    let currency: String
    /// Cities in the local script.
    let cities: [String]
    /// Given and family names.
    let names: NameTable

    /// All countries, in a fixed order.
    static let all: [CountryTable] = [
        CountryTable(
            code: "RU", weight: 30, jurisdiction: .fz152, language: "ru", callingCode: "7", nationalDigits: 10,
            mobileLeadingDigits: ["9"], currency: "RUB",
            cities: ["Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург", "Нижний Новгород", "Орёл"],
            names: NameTable.russian),
        CountryTable(
            code: "KZ", weight: 5, jurisdiction: .fz152, language: "ru", callingCode: "7", nationalDigits: 10,
            mobileLeadingDigits: ["70", "74", "77"], currency: "RUB",
            cities: ["Алматы", "Астана", "Шымкент", "Караганда"],
            names: NameTable.kazakh),
        CountryTable(
            code: "UA", weight: 12, jurisdiction: .gdpr, language: "uk", callingCode: "380", nationalDigits: 9,
            mobileLeadingDigits: ["50", "63", "67", "93"], currency: "EUR",
            cities: ["Київ", "Львів", "Одеса", "Дніпро", "Кам'янське"], names: NameTable.ukrainian),
        CountryTable(
            code: "BG", weight: 10, jurisdiction: .gdpr, language: "bg", callingCode: "359", nationalDigits: 9,
            mobileLeadingDigits: ["87", "88", "89"], currency: "EUR", cities: ["София", "Пловдив", "Варна", "Бургас"],
            names: NameTable.bulgarian),
        CountryTable(
            code: "DE", weight: 12, jurisdiction: .gdpr, language: "de", callingCode: "49", nationalDigits: 10,
            mobileLeadingDigits: ["15", "16", "17"], currency: "EUR",
            cities: ["Berlin", "München", "Köln", "Düsseldorf", "Frankfurt am Main"], names: NameTable.german),
        CountryTable(
            code: "FR", weight: 10, jurisdiction: .gdpr, language: "fr", callingCode: "33", nationalDigits: 9,
            mobileLeadingDigits: ["6", "7"], currency: "EUR", cities: ["Paris", "Lyon", "Marseille", "Saint-Étienne"],
            names: NameTable.french),
        CountryTable(
            code: "PL", weight: 10, jurisdiction: .gdpr, language: "pl", callingCode: "48", nationalDigits: 9,
            mobileLeadingDigits: ["5", "6", "7", "8"], currency: "EUR",
            cities: ["Warszawa", "Kraków", "Łódź", "Gdańsk"],
            names: NameTable.polish),
        CountryTable(
            code: "ES", weight: 6, jurisdiction: .gdpr, language: "es", callingCode: "34", nationalDigits: 9,
            mobileLeadingDigits: ["6", "7"], currency: "EUR", cities: ["Madrid", "Barcelona", "Valencia", "A Coruña"],
            names: NameTable.spanish),
        CountryTable(
            code: "IE", weight: 5, jurisdiction: .gdpr, language: "en", callingCode: "353", nationalDigits: 9,
            mobileLeadingDigits: ["83", "85", "86", "87"], currency: "EUR", cities: ["Dublin", "Cork", "Galway"],
            names: NameTable.irish),
    ]

    /// The weights of `all`, in order.
    static let weights = all.map(\.weight)
}
