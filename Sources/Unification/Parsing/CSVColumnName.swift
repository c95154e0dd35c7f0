/// Automatic recognition of CSV column names: compared case-insensitively, ignoring spaces,
/// underscores and hyphens, against a table of common English and Russian spellings.
enum CSVColumnName {
    /// The comparison key of a column name: lower case, without whitespace, `_`, `-` or a BOM.
    static func key(_ name: String) -> String {
        String(
            name.lowercased().unicodeScalars.filter { scalar in
                !(scalar.properties.isWhitespace || scalar == "_" || scalar == "-" || scalar == "\u{FEFF}")
            }.map(Character.init))
    }

    /// The canonical field a column name denotes, if it is a known spelling.
    static func field(for name: String) -> CanonicalField? {
        aliases[key(name)]
    }

    /// Comparison key → field.
    private static let aliases: [String: CanonicalField] = {
        var table: [String: CanonicalField] = [:]
        for (field, names) in spellings {
            for name in names { table[key(name)] = field }
        }
        return table
    }()

    /// The spellings recognised for each field (written naturally; compared by `key`).
    private static let spellings: [CanonicalField: [String]] = [
        .externalId: [
            "external_id", "externalId", "customer_id", "client_id", "id_client", "customer_number", "customer_no",
            "client_number", "user_id", "id клиента", "код клиента", "номер клиента",
        ],
        .email: [
            "email", "e-mail", "mail", "email_address", "e-mail address", "электронная почта", "почта", "емейл",
        ],
        .phone: [
            "phone", "mobile", "telephone", "tel", "phone_number", "mobile_phone", "mobile_number", "cell",
            "cell_phone", "телефон", "мобильный", "мобильный телефон", "номер телефона",
        ],
        .firstName: ["first_name", "firstname", "given_name", "name_first", "forename", "имя"],
        .lastName: ["last_name", "lastname", "surname", "family_name", "name_last", "фамилия"],
        .birthDate: ["birth_date", "dob", "date_of_birth", "birthday", "birthdate", "дата рождения"],
        .gender: ["gender", "sex", "пол"],
        .city: ["city", "town", "город"],
        .country: ["country", "country_code", "страна", "код страны"],
        .language: ["language", "lang", "locale", "язык"],
        .createdAt: [
            "created_at", "created", "created_date", "creation_date", "created_on", "registered_at",
            "registration_date", "signup_date", "дата создания", "дата регистрации",
        ],
        .source: ["source", "source_system", "источник"],
        .sourceRecordId: ["source_record_id", "record_id", "id", "source_id", "row_id"],
    ]
}
