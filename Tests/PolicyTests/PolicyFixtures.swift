import Foundation
import Policy
import Testing

/// Shared fixtures: the shipped default policy and a small policy to derive invalid variants from.
enum PolicyFixtures {
    /// `Policies/default.json` at the package root, found from this file's location.
    static let defaultPolicyURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PolicyTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Policies")
        .appendingPathComponent("default.json")

    /// The shipped default policy.
    static func defaultPolicy() throws -> AccessPolicy {
        try AccessPolicy.load(contentsOf: defaultPolicyURL)
    }

    /// A small valid policy; tests change one piece of it at a time.
    static let smallPolicy = """
        {
          "version": "test-1",
          "operator": { "name": "Test Operator", "address": "1 Test Street" },
          "defaultRegime": "gdpr",
          "consentPurposes": ["marketing.email", "analytics", "health"],
          "fields": {
            "email": { "class": "contact", "type": "string", "retentionDays": null },
            "first_name": { "class": "identifier", "type": "string" },
            "city": { "class": "demographic", "type": "string", "retentionDays": 30 },
            "health_note": { "class": "special_category", "type": "string" }
          },
          "eventTypes": {
            "*": { "retentionDays": 730 }
          },
          "purposes": {
            "marketing.email": { "basis": "consent", "consentPurpose": "marketing.email", "marketing": true },
            "analytics": { "basis": "consent", "consentPurpose": "analytics" },
            "health": { "basis": "consent", "consentPurpose": "health", "explicitConsent": true },
            "legal": { "basis": "legal_obligation", "allowedWhileRestricted": true }
          },
          "actors": {
            "marketer": {
              "kind": "role",
              "grants": [
                { "purposes": ["marketing.email", "analytics"], "fields": ["first_name", "city"] }
              ]
            },
            "care": {
              "kind": "module",
              "grants": [
                { "purposes": ["health"], "fields": ["health_note"] }
              ]
            }
          },
          "regimes": {
            "gdpr": {
              "ageOfConsent": 16,
              "requestDeadline": { "unit": "calendarMonths", "amount": 1, "extension": 2 },
              "countries": ["DE"]
            },
            "152fz": {
              "ageOfConsent": 14,
              "requestDeadline": { "unit": "workingDays", "amount": 10, "extension": 5 },
              "destructionDeadlineDays": 30,
              "destructionRecordRetentionDays": 1095,
              "countries": ["RU"]
            }
          },
          "survivorship": {
            "default": { "strategy": "mostTrustedSource", "sourceTrust": ["crm", "web"] },
            "fields": { "email": { "strategy": "mostRecent" } }
          }
        }
        """

    /// Loads policy JSON text as `test.json`.
    static func load(_ json: String) throws(PolicyError) -> AccessPolicy {
        try AccessPolicy.load(data: Data(json.utf8), fileName: "test.json")
    }

    /// The small policy with each `target` replaced by its replacement; every target must occur exactly once.
    static func variant(replacing replacements: KeyValuePairs<String, String>) throws -> String {
        var json = smallPolicy
        for (target, replacement) in replacements {
            let occurrences = json.components(separatedBy: target).count - 1
            try #require(occurrences == 1, "fixture text \(target) occurs \(occurrences) times")
            json = json.replacingOccurrences(of: target, with: replacement)
        }
        return json
    }

    /// The error of loading `json`; fails the test when it loads.
    static func error(loading json: String) throws -> PolicyError {
        do {
            _ = try load(json)
        } catch {
            return error
        }
        Issue.record("the policy loaded without errors")
        throw UnexpectedSuccess()
    }

    /// Thrown when a policy that should fail to load loads.
    struct UnexpectedSuccess: Error {}
}
