import Foundation
import SampleData
import Vault

/// The 20 fields of a bench profile: the 13 personal fields of the default policy and 7 bench
/// fields (`BenchPolicy.extraFields`), with deterministic values taken from a generated person.
enum ProfileFields {
    /// Every field of a profile, in the order an accessor read asks for them.
    static let names: [String] =
        [
            "external_id", "anonymous_id", "email", "phone", "first_name", "last_name", "birth_date", "gender", "city",
            "country", "language", "source_created_at", "health_note",
        ] + BenchPolicy.extraFields.map(\.name)

    /// The fields a segmentation scan reads.
    static let scanned = ["city", "country", "gender"]

    private static let notes = [
        "lactose intolerance", "penicillin allergy", "asthma, uses an inhaler", "none recorded",
    ]
    private static let tiers = ["bronze", "silver", "gold", "platinum"]
    private static let categories = ["running", "outdoor", "kitchen", "audio", "phones", "toys", "garden", "books"]
    private static let channels = ["email", "sms", "push", "viber"]

    /// The values of subject number `index`, whose personal data comes from `person`.
    static func values(of person: SamplePerson, index: Int) -> [(name: String, value: FieldValue)] {
        var random = SplitMix64(seed: UInt64(index) &* 0x2545_F491_4F6C_DD1D)
        let created = Int64(person.createdAt.timeIntervalSince1970 * 1000)
        let day = String(VaultTime.iso8601(created).prefix(10))
        let lastOrder = String(VaultTime.iso8601(created + Int64(random.below(400)) * VaultTime.day).prefix(10))
        return [
            ("external_id", .string(person.externalId ?? "C9\(String(format: "%011d", index))")),
            ("anonymous_id", .string(person.anonymousIds.first ?? "anon-\(index)")),
            ("email", .string(person.email)),
            ("phone", .string(person.phone)),
            ("first_name", .string(person.firstName)),
            ("last_name", .string(person.lastName)),
            ("birth_date", .date(person.birthDate)),
            ("gender", .string(person.gender.isEmpty ? "u" : person.gender)),
            ("city", .string(person.city)),
            ("country", .string(person.country)),
            ("language", .string(person.language)),
            ("source_created_at", .date(day)),
            ("health_note", .string(random.pick(notes))),
            ("loyalty_tier", .string(random.pick(tiers))),
            ("preferred_store", .string("store-\(random.below(250))")),
            ("favourite_category", .string(random.pick(categories))),
            ("lifetime_value", .number(random.price(0, 5_000))),
            ("last_order_at", .date(lastOrder)),
            ("marketing_channel", .string(random.pick(channels))),
            ("household_size", .number(Double(1 + random.below(6)))),
        ]
    }
}
