import Foundation
import Testing
import Vault

@testable import Unification

/// `FieldNormalizer` remembers the outcomes of repeating fields; a remembered outcome must be the
/// one the rules give, per field, rejections included.
@Suite struct FieldNormalizerMemoTests {
    func describe(_ outcome: FieldNormalizer.Outcome) -> String {
        switch outcome {
        case .value(let value, let normalized): "value \(value) \(normalized)"
        case .problem(let reason): "problem \(reason)"
        }
    }

    @Test func rememberedOutcomesEqualFreshOnesForEveryField() {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let remembering = FieldNormalizer(now: now)
        let raws = ["  Мария ", "RU", "Russia", "ru", "Москва", "f", "Atlantis", "A\u{85}B", "", "DE", " Zoë"]
        let fields: [CanonicalField] = [.firstName, .lastName, .city, .country, .gender, .language, .email]
        for _ in 0..<3 {
            for field in fields {
                for raw in raws {
                    // A fresh normaliser has no memo: its outcome is the rules' own.
                    let fresh = FieldNormalizer(now: now).normalize(field, raw, region: nil)
                    #expect(describe(remembering.normalize(field, raw, region: nil)) == describe(fresh))
                }
            }
        }
        // The same text means different things in different fields.
        #expect(remembering.country("RU") == "RU")
        #expect(describe(remembering.normalize(.language, "RU", region: nil)).contains("ru"))
        #expect(remembering.country("Atlantis") == nil)
    }

    @Test func theMemoStopsGrowingAtItsLimit() {
        let normalizer = FieldNormalizer(now: Date())
        for index in 0..<(FieldNormalizer.memoLimit + 10) {
            _ = normalizer.normalize(.city, "City \(index)", region: nil)
        }
        #expect(normalizer.rememberedCount(.city) == FieldNormalizer.memoLimit)
        // Values past the limit are still normalised, just not remembered.
        if case .value(_, let normalized) = normalizer.normalize(.city, "  City   99999 ", region: nil) {
            #expect(normalized == "City 99999")
        } else {
            Issue.record("a valid city was rejected")
        }
    }

    @Test func overLongValuesAreNormalisedButNotRemembered() {
        let normalizer = FieldNormalizer(now: Date())
        let long = String(repeating: "Ab", count: FieldNormalizer.memoKeyLimit)
        let first = describe(normalizer.normalize(.city, long, region: nil))
        #expect(first.contains("too_long"))
        #expect(normalizer.rememberedCount(.city) == 0)
        #expect(describe(normalizer.normalize(.city, long, region: nil)) == first)
        _ = normalizer.normalize(.city, "Berlin", region: nil)
        #expect(normalizer.rememberedCount(.city) == 1)
    }
}
