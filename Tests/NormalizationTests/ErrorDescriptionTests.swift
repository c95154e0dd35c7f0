import Normalization
import Testing

@Suite struct ErrorDescriptionTests {
    static let allErrors: [NormalizationError] =
        [.empty, .controlCharacter, .tooLong(limit: 200), .unknownCountry]
        + NormalizationError.EmailProblem.allCases.map { .invalidEmail($0) }
        + NormalizationError.PhoneProblem.allCases.map { .invalidPhone($0) }
        + NormalizationError.DateProblem.allCases.map { .invalidDate($0) }

    @Test func everyErrorHasItsOwnDescription() {
        let descriptions = Self.allErrors.map(\.description)
        #expect(Set(descriptions).count == descriptions.count)
        #expect(descriptions.allSatisfy { $0.count > 8 })
        #expect(NormalizationError.tooLong(limit: 254).description.contains("254"))
        #expect(NormalizationError.invalidPhone(.tooFewDigits).description.hasPrefix("invalid phone number"))
        #expect(NormalizationError.invalidEmail(.missingAtSign).description.hasPrefix("invalid e-mail address"))
        #expect(NormalizationError.invalidDate(.inFuture).description.hasPrefix("invalid date"))
    }

    /// Personal values from every rule: whatever is wrong with them, the error never repeats them.
    @Test(arguments: [
        "oleksandr.tkachenko15@@web.de", "OLEKSANDR TKACHENKO15@WEB.DE", "+7 (912) 345-67-8", "8 912 345 67 89 0",
        "+7 (999) 999-99-99", "31.02.1990", "2099-01-01", "Анна\u{0}", "Иванов\u{7}", "Narnia-Land",
        "1899-05-05", "ivan.petrov@mail", "+380 (95) 178-12-86 ext 5",
    ])
    func errorsNeverContainTheValue(input: String) {
        let attempts: [() throws -> String] = [
            { try Normalizer.email(input) }, { try Normalizer.phone(input, defaultRegion: "RU") },
            { try Normalizer.name(input) }, { try Normalizer.birthDate(input, now: referenceNow) },
            { try Normalizer.country(input) }, { try Normalizer.externalID(input) },
        ]
        var failures = 0
        for attempt in attempts {
            do { _ = try attempt() } catch let error as NormalizationError {
                failures += 1
                expectNoLeak(of: input, in: error)
            } catch {
                Issue.record("unexpected error type")
            }
        }
        #expect(failures >= 2)
    }
}
