import Policy
import Testing

@testable import Vault

/// Cached plans decide exactly as freshly built ones.
@Suite struct AccessPlanCacheTests {
    let states = [
        SubjectState(), SubjectState(isRestricted: true), SubjectState(hasObjectedToDirectMarketing: true),
        SubjectState(consent: .granted), SubjectState(consent: .withdrawn),
    ]

    @Test(arguments: [
        ("compliance", "dsr", ["email", "first_name", "nonexistent"]),
        ("marketer", "marketing.email", ["email", "city"]),
        ("segmentation", "profiling", ["city", "country"]),
        ("nobody", "dsr", ["email"]),
    ])
    func cachedPlansDecideAsFreshOnes(actor: String, purpose: String, fields: [String]) {
        let cache = AccessPlanCache(policy: testPolicy)
        let fresh = testPolicy.plan(actor: actor, purpose: purpose, fields: fields)
        for _ in 0..<2 {
            let cached = cache.plan(actor: actor, purpose: purpose, fields: fields)
            #expect(cached.grantedFields == fresh.grantedFields)
            #expect(cached.consentPurpose == fresh.consentPurpose)
            for state in states { #expect(cached.decide(for: state) == fresh.decide(for: state)) }
        }
    }

    @Test func differentRequestsGetDifferentPlans() {
        let cache = AccessPlanCache(policy: testPolicy)
        let a = cache.plan(actor: "compliance", purpose: "dsr", fields: ["email"])
        let b = cache.plan(actor: "compliance", purpose: "dsr", fields: ["email", "phone"])
        #expect(a.fields == ["email"] && b.fields == ["email", "phone"])
        // More distinct requests than the capacity: the cache starts over and stays correct.
        for index in 0..<(AccessPlanCache.capacity + 10) {
            let plan = cache.plan(actor: "compliance", purpose: "dsr", fields: ["field\(index)"])
            #expect(plan.fields == ["field\(index)"])
        }
        #expect(cache.plan(actor: "compliance", purpose: "dsr", fields: ["email"]).grantedFields == a.grantedFields)
    }
}

@Suite struct AuditFieldListTests {
    @Test(arguments: [[], ["email"], ["email", "phone", "имя"], ["", "a", ""], ["a,b", "c"]])
    func fieldListIsTheCommaJoin(fields: [String]) {
        #expect(AuditLog.fieldList(fields) == fields.joined(separator: ","))
    }
}
