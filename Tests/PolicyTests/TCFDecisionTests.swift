import Foundation
import Policy
import Testing

/// `TCFPurposeMap.decisions(for:)` with the shipped map: granting rules, the purpose-1 rule, scope and evidence.
@Suite struct TCFDecisionTests {
    typealias F = TCFFixtures

    /// Every TCF purpose the shipped map uses, plus purpose 1.
    static let allMapped: Set<Int> = [1, 3, 4, 5, 6, 7, 8, 9, 10]

    /// Decision reasons by purpose name.
    static func reasons(_ decisions: [TCFConsentDecision]) -> [String: TCFDecisionReason] {
        Dictionary(uniqueKeysWithValues: decisions.map { ($0.purpose, $0.reason) })
    }

    @Test func fullConsentGrantsEveryMappedPurposeInNameOrder() throws {
        let decisions = try F.shippedMap().decisions(for: try F.core(F.coreBits(purposesConsent: Self.allMapped)))
        #expect(decisions.map(\.purpose) == ["analytics", "personalization", "profiling"])
        #expect(decisions.allSatisfy { $0.granted && $0.reason == .consented })
    }

    @Test func purposeOneIsAPrecondition() throws {
        let map = try F.shippedMap()
        let withoutOne = Self.allMapped.subtracting([1])
        let decisions = map.decisions(for: try F.core(F.coreBits(purposesConsent: withoutOne)))
        #expect(decisions.count == 3)
        #expect(decisions.allSatisfy { !$0.granted && $0.reason == .missingConsent([1]) })

        // PurposeOneTreatment (purpose 1 not disclosed) does not waive the rule.
        let treated = map.decisions(
            for: try F.core(F.coreBits(purposesConsent: withoutOne, purposeOneTreatment: true)))
        #expect(treated.allSatisfy { !$0.granted })
        #expect(treated.allSatisfy { $0.evidence.purposeOneTreatment })
    }

    @Test func everyMappedTCFPurposeMustHaveConsent() throws {
        let consents = Self.allMapped.subtracting([4, 10])
        let decisions = try F.shippedMap().decisions(for: try F.core(F.coreBits(purposesConsent: consents)))
        let reasons = Self.reasons(decisions)
        #expect(reasons["analytics"] == .missingConsent([10]))
        #expect(reasons["profiling"] == .missingConsent([4]))
        #expect(reasons["personalization"] == .consented)
        #expect(decisions.filter(\.granted).map(\.purpose) == ["personalization"])
    }

    @Test func noConsentListsEveryMissingPurpose() throws {
        let decisions = try F.shippedMap().decisions(for: try F.core(F.coreBits()))
        #expect(Self.reasons(decisions)["analytics"] == .missingConsent([1, 7, 8, 9, 10]))
        #expect(decisions.allSatisfy { !$0.granted })
    }

    @Test func legitimateInterestNeverGrants() throws {
        let string = try F.core(F.coreBits(purposesConsent: [1], purposesLITransparency: Set(1...24)))
        #expect(try F.shippedMap().decisions(for: string).allSatisfy { !$0.granted })
    }

    @Test func globalScopeStringsRefuseEverything() throws {
        let string = try F.core(F.coreBits(isServiceSpecific: false, purposesConsent: Set(1...24)))
        let decisions = try F.shippedMap().decisions(for: string)
        #expect(decisions.count == 3)
        #expect(decisions.allSatisfy { !$0.granted && $0.reason == .notServiceSpecific })
        #expect(decisions.allSatisfy { !$0.evidence.isServiceSpecific })
    }

    @Test func publisherSignalReadsThePublisherTCSegment() throws {
        let map = try TCFPurposeMapTests.load(
            #"{"version": "pub-1", "signal": "publisherTC", "purposes": {"7": "analytics", "3": "profiling"}}"#)
        let core = F.base64URL(F.coreBits(purposesConsent: Set(1...24)))

        let missing = map.decisions(for: try TCString(decoding: core))
        #expect(missing.allSatisfy { !$0.granted && $0.reason == .missingPublisherTC })

        let publisher = F.base64URL(F.publisherTCBits(purposesConsent: [1, 7]))
        let decisions = map.decisions(for: try TCString(decoding: core + "." + publisher))
        #expect(Self.reasons(decisions) == ["analytics": .consented, "profiling": .missingConsent([3])])
        #expect(decisions.allSatisfy { $0.evidence.signal == .publisherTC })
    }

    @Test func decisionsCarryTimeAndEvidence() throws {
        let string = try F.core(F.coreBits(purposesConsent: [1, 7, 8, 9, 10]))
        let decisions = try F.shippedMap().decisions(for: string)
        let analytics = try #require(decisions.first)
        #expect(analytics.purpose == "analytics" && analytics.granted)
        #expect(analytics.collectedAt == (try TCFOfficialStringTests.date("2024-05-01T12:00:00Z")))
        let evidence = analytics.evidence
        #expect(evidence.cmpID == 300 && evidence.cmpVersion == 7 && evidence.consentScreen == 3)
        #expect(evidence.consentLanguage == "DE" && evidence.publisherCountryCode == "FR")
        #expect(evidence.vendorListVersion == 120 && evidence.tcfPolicyVersion == 4)
        #expect(evidence.isServiceSpecific && !evidence.purposeOneTreatment)
        #expect(evidence.signal == .core && evidence.mapVersion == "tcf-purposes-1")
        #expect(evidence.tcfPurposes == [1, 7, 8, 9, 10])
        #expect(decisions.last?.evidence.tcfPurposes == [1, 3, 4])
    }

    @Test func reasonsDescribeThemselves() {
        #expect(TCFDecisionReason.missingConsent([1, 7]).description == "no consent for TCF purposes 1, 7")
        #expect(TCFDecisionReason.notServiceSpecific.description.contains("IsServiceSpecific = 0"))
    }
}
