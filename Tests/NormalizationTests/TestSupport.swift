import Foundation
import Normalization
import Testing

/// Expects `body(input)` to throw exactly `expected`, and the error's description not to contain the input.
func expectFailure<T>(
    _ input: String, _ expected: NormalizationError, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (String) throws -> T
) {
    do {
        let value = try body(input)
        Issue.record("accepted, gave \(value) instead of \(expected)", sourceLocation: sourceLocation)
    } catch let error as NormalizationError {
        #expect(error == expected, sourceLocation: sourceLocation)
        expectNoLeak(of: input, in: error, sourceLocation: sourceLocation)
    } catch {
        Issue.record("threw \(error), not a NormalizationError", sourceLocation: sourceLocation)
    }
}

/// Expects `error.description` (and its debug form) not to contain `input` or its trimmed form.
func expectNoLeak(of input: String, in error: NormalizationError, sourceLocation: SourceLocation = #_sourceLocation) {
    let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
    guard trimmed.count >= 2 else { return }
    for text in [error.description, String(reflecting: error), "\(error)"] {
        #expect(!text.contains(trimmed), "error text repeats the input", sourceLocation: sourceLocation)
        #expect(!text.lowercased().contains(trimmed.lowercased()), sourceLocation: sourceLocation)
    }
}

/// The reference instant of the shared data set: 2026-11-01T00:00:00Z.
let referenceNow = Date(timeIntervalSince1970: 1_793_491_200)
