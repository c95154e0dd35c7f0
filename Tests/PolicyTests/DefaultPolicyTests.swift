import Foundation
import Policy
import Testing

@Suite struct DefaultPolicyTests {
    @Test func shippedDefaultPolicyLoadsWithoutErrors() throws {
        let policy = try PolicyFixtures.defaultPolicy()
        #expect(policy.version == "2026.1")
        #expect(policy.dataOperator.name.isEmpty == false)
    }

    @Test func coversTheFieldsOfTheSharedDataSet() throws {
        let policy = try PolicyFixtures.defaultPolicy()
        let expected = [
            "external_id", "email", "phone", "first_name", "last_name", "birth_date", "gender", "city", "country",
            "language", "source_created_at", "anonymous_id", "health_note",
        ]
        for name in expected {
            #expect(policy.field(named: name) != nil, "field \(name)")
        }
        #expect(policy.field(named: "health_note")?.fieldClass == .specialCategory)
        #expect(policy.field(named: "birth_date")?.type == .date)
        #expect(policy.field(named: "email")?.retentionDays == nil)
        #expect(policy.field(named: "anonymous_id")?.retentionDays == 395)
        #expect(policy.field(named: "external_id")?.legalHold?.days == 1825)
        #expect(policy.fieldNames(in: .contact) == ["email", "phone"])
    }

    @Test func eventTypesFallBackToTheDefaultEntry() throws {
        let policy = try PolicyFixtures.defaultPolicy()
        let order = policy.eventType(named: "Order Completed")
        #expect(order.legalHold?.days == 1825)
        #expect(order.legalHold?.reason.isEmpty == false)
        #expect(policy.eventType(named: "page").retentionDays == 365)
        let other = policy.eventType(named: "Product Viewed")
        #expect(other.name == "*")
        #expect(other.retentionDays == 730)
        #expect(other.legalHold == nil)
    }

    @Test func purposesCarryBasisAndSafeguards() throws {
        let policy = try PolicyFixtures.defaultPolicy()
        for channel in ["email", "sms", "push", "viber"] {
            let purpose = try #require(policy.purpose(named: "marketing.\(channel)"))
            #expect(purpose.basis == .consent)
            #expect(purpose.consentPurpose == "marketing.\(channel)")
            #expect(purpose.isMarketing)
            #expect(!purpose.isAllowedWhileRestricted)
        }
        #expect(policy.purpose(named: "unification")?.basis == .legitimateInterest)
        #expect(policy.purpose(named: "service")?.basis == .contract)
        #expect(policy.purpose(named: "legal")?.basis == .legalObligation)
        #expect(policy.purpose(named: "health.recommendations")?.requiresExplicitConsent == true)
        #expect(policy.purposesAllowedWhileRestricted == ["legal", "storage", "dsr", "audit"])
        #expect(policy.isConsentPurpose("transfer.cross-border"))
        #expect(!policy.isConsentPurpose("service"))
    }

    @Test func actorsHaveTheirKinds() throws {
        let policy = try PolicyFixtures.defaultPolicy()
        for role in ["marketer", "compliance", "auditor", "admin"] {
            #expect(policy.actor(named: role)?.kind == .role, "role \(role)")
        }
        for module in ["unification", "segmentation", "messaging"] {
            #expect(policy.actor(named: module)?.kind == .module, "module \(module)")
        }
        #expect(
            policy.readableFields(actor: "marketer", purpose: "marketing.email") == [
                "first_name", "city", "country", "language",
            ])
        #expect(policy.readableFields(actor: "compliance", purpose: "dsr").count == policy.fields.count)
        #expect(policy.readableFields(actor: "unification", purpose: "unification").contains("last_name"))
        #expect(!policy.readableFields(actor: "unification", purpose: "unification").contains("birth_date"))
    }

    @Test func regimesAndCountries() throws {
        let policy = try PolicyFixtures.defaultPolicy()
        let gdpr = try #require(policy.regime(named: "gdpr"))
        #expect(gdpr.ageOfConsent == 16)
        #expect(gdpr.requestDeadline == RequestDeadline(unit: .calendarMonths, amount: 1, extensionAmount: 2))
        let russian = try #require(policy.regime(named: "152fz"))
        #expect(russian.ageOfConsent == 14)
        #expect(russian.requestDeadline == RequestDeadline(unit: .workingDays, amount: 10, extensionAmount: 5))
        #expect(russian.destructionDeadlineDays == 30)
        #expect(russian.destructionRecordRetentionDays == 1095)
        #expect(policy.regime(forCountry: "ru").name == "152fz")
        #expect(policy.regime(forCountry: "KZ").name == "152fz")
        #expect(policy.regime(forCountry: "DE").name == "gdpr")
        #expect(policy.regime(forCountry: "UA").name == policy.defaultRegime.name)
    }

    @Test func survivorshipRules() throws {
        let policy = try PolicyFixtures.defaultPolicy()
        #expect(policy.survivorshipRule(for: "email").strategy == .mostRecent)
        #expect(policy.survivorshipRule(for: "email").sourceTrust == ["crm", "pos", "app", "web"])
        let names = policy.survivorshipRule(for: "last_name")
        #expect(names.strategy == .mostTrustedSource)
        #expect(names.trustRank(of: "crm") == 0)
        #expect(names.trustRank(of: "web") == 3)
        #expect(names.trustRank(of: "fax") == nil)
    }
}
