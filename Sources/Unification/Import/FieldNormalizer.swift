import Foundation
import Normalization
import Vault

/// Turns one raw import value into a typed, normalised field value, or a reject reason naming
/// the rule broken (never the value). The rules themselves live in `Normalization`.
///
/// Fields whose values repeat from row to row and whose rules depend on nothing else (names,
/// cities, countries, gender, language) are normalised once per distinct raw value and import:
/// `memo` keeps up to `memoLimit` outcomes per field.
struct FieldNormalizer {
    let now: Date
    private let memo = Memo()

    init(now: Date) { self.now = now }

    enum Outcome {
        case value(FieldValue, normalized: String)
        case problem(RejectReason)
    }

    /// Outcomes of the repeating fields, by the raw value's bytes, one table per field. Keys compare
    /// byte for byte and are looked up without making a `String` (a row's repeating fields are
    /// mostly hits); an outcome depends on the raw value alone, so any key gets the rules' outcome.
    private final class Memo {
        /// Unchecked exclusivity: one normaliser serves one import, on one thread, and no access
        /// to a table overlaps another (the dynamic check cost more than the lookup).
        @exclusivity(unchecked) var outcomes: [ByteKeyedTable<Outcome>] = Array(repeating: ByteKeyedTable(), count: 6)

        /// The table of `field`, or nil for a field whose values are not remembered.
        static func table(of field: CanonicalField) -> Int? {
            switch field {
            case .firstName: 0
            case .lastName: 1
            case .city: 2
            case .country: 3
            case .gender: 4
            case .language: 5
            default: nil
            }
        }
    }

    /// Distinct raw values remembered per field (hostile input cannot grow the memo further).
    static let memoLimit = 4_096

    /// The longest raw value remembered, in bytes: longer ones (a name is at most 200 characters)
    /// are normalised each time, so that the six tables hold at most 24 MB of keys.
    static let memoKeyLimit = 1_024

    /// How many outcomes of `field` are remembered (for tests).
    func rememberedCount(_ field: CanonicalField) -> Int {
        Memo.table(of: field).map { memo.outcomes[$0].count } ?? 0
    }

    /// The ISO 3166-1 alpha-2 code of `raw`, or nil when it names no country.
    func country(_ raw: String) -> String? {
        if case .value(_, let code) = normalize(.country, raw, region: nil) { return code }
        return nil
    }

    func normalize(_ field: CanonicalField, _ raw: String, region: String?) -> Outcome {
        var raw = raw
        return raw.withUTF8 { normalize(field, utf8: $0, region: region) }
    }

    /// The outcome for a raw value given as its UTF-8 bytes (validated UTF-8, as the CSV reader
    /// hands them): a remembered one is found without decoding the bytes.
    func normalize(_ field: CanonicalField, utf8 raw: UnsafeBufferPointer<UInt8>, region: String?) -> Outcome {
        guard let table = Memo.table(of: field) else {
            return compute(field, String(decoding: raw, as: UTF8.self), region: region)
        }
        if let known = memo.outcomes[table].value(for: raw) { return known }
        let outcome = compute(field, String(decoding: raw, as: UTF8.self), region: region)
        if raw.count <= Self.memoKeyLimit, memo.outcomes[table].count < Self.memoLimit {
            memo.outcomes[table].insert(outcome, for: raw)
        }
        return outcome
    }

    /// The ISO 3166-1 alpha-2 code of the raw value's UTF-8 bytes, or nil when it names no country.
    func country(utf8 raw: UnsafeBufferPointer<UInt8>) -> String? {
        if case .value(_, let code) = normalize(.country, utf8: raw, region: nil) { return code }
        return nil
    }

    private func compute(_ field: CanonicalField, _ raw: String, region: String?) -> Outcome {
        do {
            switch field {
            case .externalId:
                let value = try Normalizer.externalID(raw)
                return .value(.string(value), normalized: value)
            case .email:
                let value = try Normalizer.email(raw)
                return .value(.string(value), normalized: value)
            case .phone:
                let value = try Normalizer.phone(raw, defaultRegion: region)
                return .value(.string(value), normalized: value)
            case .firstName, .lastName, .city:
                let value = try Normalizer.name(raw)
                return .value(.string(value), normalized: value)
            case .birthDate:
                let value = try Normalizer.birthDate(raw, now: now)
                return .value(.date(value), normalized: value)
            case .country:
                let value = try Normalizer.country(raw)
                return .value(.string(value), normalized: value)
            case .createdAt:
                guard
                    let milliseconds = Timestamp.parseMilliseconds(CustomerImporter.trimmed(raw))
                        ?? (try? Normalizer.birthDate(raw, now: now)).flatMap({
                            Timestamp.parseMilliseconds($0 + "T00:00:00Z")
                        })
                else {
                    return .problem(
                        .invalidValue(code: "invalid_date", message: "not an ISO 8601 time or a dd.mm.yyyy date"))
                }
                let day = Timestamp.dayString(milliseconds: milliseconds)
                return .value(.date(day), normalized: day)
            case .gender, .language:
                let value = try Normalizer.name(raw).lowercased()
                guard value.count <= 16 else {
                    return .problem(.invalidValue(code: "too_long", message: "longer than 16 characters"))
                }
                return .value(.string(value), normalized: value)
            case .source, .sourceRecordId:
                let value = try Normalizer.externalID(raw)
                return .value(.string(value), normalized: value)
            }
        } catch {
            return .problem(Self.reason(error))
        }
    }

    static func reason(_ error: NormalizationError) -> RejectReason {
        let code: String
        switch error {
        case .empty: code = "empty"
        case .controlCharacter: code = "control_character"
        case .tooLong: code = "too_long"
        case .unknownCountry: code = "unknown_country"
        case .invalidEmail: code = "invalid_email"
        case .invalidPhone: code = "invalid_phone"
        case .invalidDate: code = "invalid_date"
        }
        return .invalidValue(code: code, message: error.description)
    }

    /// The policy field a canonical CSV field is stored as.
    static func policyField(_ field: CanonicalField) -> String? {
        switch field {
        case .createdAt: "source_created_at"
        case .source, .sourceRecordId: nil
        default: field.rawValue
        }
    }
}
