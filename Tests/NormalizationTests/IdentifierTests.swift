import Normalization
import Testing

@Suite struct IdentifierTests {
    @Test(arguments: [
        ("C033211976259", "C033211976259"),
        (" C033211976259 ", "C033211976259"),
        ("\u{A0}AbC-42\u{FEFF}", "AbC-42"),
        ("order 42", "order 42"),
        ("3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"),
        ("клиент-7", "клиент-7"),
    ])
    func keepsIdsAsWrittenButTrimmed(input: String, expected: String) throws {
        #expect(try Normalizer.externalID(input) == expected)
        #expect(try Normalizer.anonymousID(input) == expected)
        #expect(try Normalizer.identifier(input, kind: .externalID) == expected)
        #expect(try Normalizer.identifier(input, kind: .anonymousID) == expected)
    }

    @Test func doesNotFoldCaseOrNormaliseUnicode() throws {
        #expect(try Normalizer.externalID("AbC") != Normalizer.externalID("abc"))
        #expect(try Normalizer.externalID("e\u{301}").unicodeScalars.count == 2)
    }

    @Test(arguments: [
        ("", NormalizationError.empty), ("  ", .empty), ("C0332\u{0}", .controlCharacter),
        ("C0332\t1", .controlCharacter), ("\u{1B}[31mC1", .controlCharacter),
        (String(repeating: "x", count: 129), .tooLong(limit: 128)),
        (String(repeating: "ж", count: 129), .tooLong(limit: 128)),
        (String(repeating: "x", count: 5000), .tooLong(limit: 128)),
    ])
    func rejects(input: String, expected: NormalizationError) {
        expectFailure(input, expected, Normalizer.externalID)
        expectFailure(input, expected, Normalizer.anonymousID)
    }

    @Test func lengthLimitIsInclusive() throws {
        #expect(try Normalizer.externalID(String(repeating: "x", count: 128)).count == 128)
        #expect(try Normalizer.anonymousID(" " + String(repeating: "ж", count: 128) + " ").count == 128)
    }

    @Test func dispatchesByKind() throws {
        #expect(try Normalizer.identifier(" Anna@Mail.RU ", kind: .email) == "anna@mail.ru")
        #expect(try Normalizer.identifier("8 912 345 67 89", kind: .phone, region: "RU") == "+79123456789")
        #expect(try Normalizer.identifier("+33 1 48 19 61 51", kind: .phone) == "+33148196151")
        expectFailure("8 912 345 67 89", .invalidPhone(.missingCountryCode)) {
            try Normalizer.identifier($0, kind: .phone)
        }
    }

    @Test func kindsNameTheBlindIndexDomains() {
        #expect(IdentifierKind.allCases.map(\.rawValue) == ["external_id", "email", "phone", "anonymous_id"])
        #expect(IdentifierKind(rawValue: "anonymous_id") == .anonymousID)
    }
}
