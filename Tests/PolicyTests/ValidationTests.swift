import Foundation
import Policy
import Testing

@Suite struct ValidationTests {
    @Test func smallFixtureLoads() throws {
        let policy = try PolicyFixtures.load(PolicyFixtures.smallPolicy)
        #expect(policy.fields.map(\.name) == ["email", "first_name", "city", "health_note"])
        #expect(policy.consentPurposes == ["marketing.email", "analytics", "health"])
    }

    @Test func unknownFieldInGrantNamesItsPath() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""fields": ["first_name", "city"]"#: #""fields": ["first_name", "foo"]"#
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.unknownField])
        #expect(error.issues.first?.path == "$.actors.marketer.grants[0].fields[1]")
        #expect(error.description == #"test.json: $.actors.marketer.grants[0].fields[1]: unknown field "foo""#)
    }

    @Test func unknownPurposeInGrant() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""purposes": ["marketing.email", "analytics"]"#: #""purposes": ["marketing.sms", "analytics"]"#
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.unknownPurpose])
        #expect(error.issues.first?.path == "$.actors.marketer.grants[0].purposes[0]")
        #expect(error.issues.first?.message == #"unknown purpose "marketing.sms""#)
    }

    @Test func unknownClassInFieldAndGrant() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""city": { "class": "demographic""#: #""city": { "class": "geographic""#,
            #""fields": ["health_note"]"#: #""classes": ["medical"]"#,
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.unknownClass, .unknownClass])
        #expect(error.issues.map(\.path) == ["$.fields.city.class", "$.actors.care.grants[0].classes[0]"])
    }

    @Test func purposeWithoutBasis() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""legal": { "basis": "legal_obligation", "allowedWhileRestricted": true }"#:
                #""legal": { "allowedWhileRestricted": true }"#
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.missingBasis])
        #expect(error.issues.first?.path == "$.purposes.legal")
    }

    @Test func consentBasisNeedsAKnownConsentPurpose() throws {
        let missing = try PolicyFixtures.variant(replacing: [
            #""analytics": { "basis": "consent", "consentPurpose": "analytics" }"#:
                #""analytics": { "basis": "consent" }"#
        ])
        let missingError = try PolicyFixtures.error(loading: missing)
        #expect(missingError.issues.map(\.code) == [.missingConsentPurpose])
        #expect(missingError.issues.first?.path == "$.purposes.analytics")

        let unlisted = try PolicyFixtures.variant(replacing: [
            #""consentPurpose": "analytics""#: #""consentPurpose": "statistics""#
        ])
        let unlistedError = try PolicyFixtures.error(loading: unlisted)
        #expect(unlistedError.issues.map(\.code) == [.unknownConsentPurpose])
        #expect(unlistedError.issues.first?.path == "$.purposes.analytics.consentPurpose")
    }

    @Test func unknownLawfulBasis() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""basis": "legal_obligation""#: #""basis": "because""#
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.unknownBasis])
        #expect(error.issues.first?.path == "$.purposes.legal.basis")
    }

    @Test func keysWithDotsUseBracketNotation() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""basis": "consent", "consentPurpose": "marketing.email", "marketing": true"#:
                #""basis": "consent", "consentPurpose": "marketing.email", "marketing": "yes""#
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.wrongType])
        #expect(error.issues.first?.path == #"$.purposes["marketing.email"].marketing"#)
        #expect(error.issues.first?.message == "expected a boolean, found a string")
    }

    @Test func specialCategoryFieldGrantedWithoutExplicitConsent() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""fields": ["first_name", "city"]"#: #""fields": ["first_name", "health_note"]"#
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.specialCategoryWithoutExplicitConsent])
        #expect(error.issues.first?.path == "$.actors.marketer.grants[0].fields[1]")
        #expect(error.issues.first?.message.contains("purposes marketing.email, analytics") == true)
    }

    @Test func specialCategoryClassGrantedForALegalObligationWithoutCondition() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""purposes": ["health"], "fields": ["health_note"]"#:
                #""purposes": ["health", "legal"], "classes": ["special_category"]"#
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.specialCategoryWithoutExplicitConsent])
        #expect(error.issues.first?.path == "$.actors.care.grants[0].classes[0]")
    }

    @Test func specialCategoryConditionAllowsANonConsentPurpose() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""legal": { "basis": "legal_obligation", "allowedWhileRestricted": true }"#:
                #""legal": { "basis": "legal_obligation", "specialCategoryCondition": "Art. 9(2)(f)" }"#,
            #""purposes": ["health"], "fields": ["health_note"]"#:
                #""purposes": ["health", "legal"], "classes": ["special_category"]"#,
        ])
        let policy = try PolicyFixtures.load(json)
        #expect(policy.readableFields(actor: "care", purpose: "legal") == ["health_note"])
    }

    @Test func duplicateKeysAreReportedWithTheirPath() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""legal": { "basis": "legal_obligation", "allowedWhileRestricted": true }"#:
                #""legal": { "basis": "legal_obligation", "allowedWhileRestricted": true },"#
                + "\n" + #""analytics": { "basis": "legitimate_interest" }"#,
            #""type": "string", "retentionDays": null"#: #""type": "string", "type": "date""#,
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.duplicateKey, .duplicateKey])
        #expect(error.issues.map(\.path) == ["$.fields.email.type", "$.purposes.analytics"])
        let purposeIssue = try #require(error.issues.last)
        #expect(purposeIssue.message == "duplicate key \"analytics\" (first defined at line 17)")
        #expect(purposeIssue.line == 20)
    }

    @Test func badTypesAndNegativeRetention() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""type": "string", "retentionDays": null"#: #""type": "string", "retentionDays": "30""#,
            #""retentionDays": 30"#: #""retentionDays": -1"#,
            #""ageOfConsent": 16"#: #""ageOfConsent": 16.5"#,
            #""actors": {"#: #""actors": { "nobody": { "kind": "role", "grants": {} },"#,
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.wrongType, .negativeValue, .wrongType, .wrongType])
        #expect(
            error.issues.map(\.path) == [
                "$.fields.email.retentionDays", "$.fields.city.retentionDays", "$.actors.nobody.grants",
                "$.regimes.gdpr.ageOfConsent",
            ])
        #expect(error.issues.first?.message == "expected an integer, found a string")
    }

    @Test func everyErrorIsCollectedAndListedOnePerLine() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""fields": ["first_name", "city"]"#: #""fields": ["first_nme", "cty"]"#,
            #""defaultRegime": "gdpr""#: #""defaultRegime": "ccpa""#,
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.unknownRegime, .unknownField, .unknownField])
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("test.json: $.") })
    }

    @Test func unknownKeysMissingKeysAndMissingDefaultEventType() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""version": "test-1","#: #""verison": "test-1","#,
            #""*": { "retentionDays": 730 }"#: #""page": { "retentionDays": 365 }"#,
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(Set(error.issues.map(\.code)) == [.unknownKey, .missingKey])
        #expect(error.issues.contains { $0.code == .unknownKey && $0.path == "$.verison" })
        #expect(error.issues.contains { $0.code == .missingKey && $0.message == #"missing key "version""# })
        #expect(error.issues.contains { $0.code == .missingKey && $0.path == "$.eventTypes" })
    }

    @Test func anInvalidDefaultRegimeIsAnErrorNotACrash() throws {
        let json = try PolicyFixtures.variant(replacing: [#""ageOfConsent": 16"#: #""ageOfConsent": -16"#])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.negativeValue])
        #expect(error.issues.first?.path == "$.regimes.gdpr.ageOfConsent")
    }

    @Test func aGrantNeedsFieldsOrClasses() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #"{ "purposes": ["health"], "fields": ["health_note"] }"#: #"{ "purposes": [] }"#
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.missingKey, .invalidValue])
        #expect(error.issues.map(\.path) == ["$.actors.care.grants[0]", "$.actors.care.grants[0].purposes"])
    }

    @Test func consentKeysOnlyWithConsentBasis() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""legal": { "basis": "legal_obligation", "allowedWhileRestricted": true }"#:
                #""legal": { "basis": "legal_obligation", "consentPurpose": "analytics", "explicitConsent": true }"#
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.invalidValue, .invalidValue])
        #expect(error.issues.map(\.path) == ["$.purposes.legal.consentPurpose", "$.purposes.legal.explicitConsent"])
    }

    @Test func eventTypeNamesWithSpacesAreBracketed() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""*": { "retentionDays": 730 }"#:
                #""*": { "retentionDays": 730 }, "Order Completed": { "retentionDays": 30, "legalHold": { "days": -1 } }"#
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.missingKey, .negativeValue])
        #expect(
            error.issues.map(\.path) == [
                #"$.eventTypes["Order Completed"].legalHold"#, #"$.eventTypes["Order Completed"].legalHold.days"#,
            ])
    }

    @Test func aCountryBelongsToOneRegime() throws {
        let json = try PolicyFixtures.variant(replacing: [#""countries": ["RU"]"#: #""countries": ["RU", "DE"]"#])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.duplicateName])
        #expect(error.issues.first?.path == #"$.regimes["152fz"].countries[1]"#)
    }

    @Test func survivorshipRuleForAnUnknownField() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""email": { "strategy": "mostRecent" }"#: #""mail": { "strategy": "newest" }"#
        ])
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.unknownField, .invalidValue])
        #expect(error.issues.map(\.path) == ["$.survivorship.fields.mail", "$.survivorship.fields.mail.strategy"])
    }

    @Test func syntaxErrorsNameLineAndColumn() throws {
        let json = try PolicyFixtures.variant(replacing: [#""version": "test-1","#: #""version": "test-1""#])
        let error = try PolicyFixtures.error(loading: json)
        let issue = try #require(error.issues.first)
        #expect(error.issues.count == 1)
        #expect(issue.code == .syntax)
        #expect(issue.line == 3)
        #expect(issue.message == "invalid JSON at line 3, column 3: expected ',' or '}' in an object")
    }

    @Test(arguments: [
        ("", "unexpected end of document"),
        ("{\"a\": tru}", "invalid literal"),
        ("{\"a\": \"\\x\"}", "invalid escape sequence"),
        ("{\"a\": 01}", "expected ',' or '}'"),
        ("{\"a\": \"\\ud800\"}", "unpaired surrogate"),
        ("[1,]", "expected a value"),
        ("{} {}", "unexpected content after the end"),
    ])
    func malformedJSONIsASyntaxError(json: String, expected: String) throws {
        let error = try PolicyFixtures.error(loading: json)
        #expect(error.issues.map(\.code) == [.syntax])
        #expect(error.issues.first?.message.contains(expected) == true, "\(error)")
    }

    @Test func escapesAndByteOrderMarkAreRead() throws {
        let json = try PolicyFixtures.variant(replacing: [
            #""name": "Test Operator""#: #""name": "Caf\u00e9 \ud83d\ude00 \"Q\"""#
        ])
        let policy = try AccessPolicy.load(data: Data([0xEF, 0xBB, 0xBF] + Array(json.utf8)), fileName: "bom.json")
        #expect(policy.dataOperator.name == "Café 😀 \"Q\"")
    }

    @Test func missingFileIsReported() throws {
        let url = URL(fileURLWithPath: "/nonexistent/tresor-policy.json")
        #expect {
            try AccessPolicy.load(contentsOf: url)
        } throws: { error in
            guard let error = error as? PolicyError else { return false }
            return error.fileName == "tresor-policy.json" && error.issues.map(\.code) == [.unreadableFile]
        }
    }
}
