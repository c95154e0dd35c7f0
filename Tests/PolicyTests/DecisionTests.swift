import Policy
import Testing

@Suite struct DecisionTests {
    let policy: AccessPolicy
    let consenting = SubjectState(consent: .granted)

    init() throws {
        policy = try PolicyFixtures.defaultPolicy()
    }

    @Test func grantedFieldsAreAllowedInRequestOrder() {
        let decision = policy.decide(
            actor: "messaging", purpose: "marketing.email", fields: ["language", "email", "first_name"],
            state: consenting)
        #expect(decision.isFullyAllowed)
        #expect(!decision.isPartiallyAllowed && !decision.isDenied)
        #expect(decision.allowedFields == ["language", "email", "first_name"])
        #expect(decision.deniedFields.isEmpty)
        #expect(decision.reason == nil)
        #expect(
            decision.summary
                == "allowed: actor messaging may read language, email, first_name for purpose marketing.email")
    }

    @Test func fieldNotGrantedIsDeniedWithReason() {
        let decision = policy.decide(
            actor: "marketer", purpose: "analytics", fields: ["first_name", "email", "city"], state: consenting)
        #expect(decision.isPartiallyAllowed)
        #expect(decision.allowedFields == ["first_name", "city"])
        #expect(decision.deniedFields.map(\.field) == ["email"])
        let reason = decision.deniedFields.first?.reason
        #expect(reason == .fieldNotGranted(field: "email", actor: "marketer", purpose: "analytics"))
        #expect(reason?.description == "field email is not granted to actor marketer for purpose analytics")
        #expect(decision.summary.contains("denied: field email is not granted"))
    }

    @Test func onlyUngrantedFieldsMeansDenied() {
        let decision = policy.decide(actor: "marketer", purpose: "analytics", fields: ["phone"], state: consenting)
        #expect(decision.isDenied)
        #expect(decision.reason == nil)
        #expect(decision.deniedFields.map(\.reason.code) == ["field-not-granted"])
    }

    @Test func restrictedSubjectIsDeniedMarketingButAllowedLegal() {
        let restricted = SubjectState(isRestricted: true, consent: .granted)
        let marketing = policy.decide(
            actor: "messaging", purpose: "marketing.email", fields: ["email", "first_name"], state: restricted)
        #expect(marketing.isDenied)
        #expect(marketing.reason == .restricted(allowedPurposes: ["legal", "storage", "dsr", "audit"]))
        #expect(marketing.deniedFields.map(\.field) == ["email", "first_name"])
        #expect(marketing.deniedFields.allSatisfy { $0.reason == marketing.reason })
        #expect(
            marketing.summary
                == "denied: subject is restricted (GDPR Art. 18 / 152-FZ blocking): only purposes legal, storage, dsr,"
                + " audit are allowed")

        let legal = policy.decide(actor: "compliance", purpose: "legal", fields: ["email"], state: restricted)
        #expect(legal.isFullyAllowed)
        #expect(legal.allowedFields == ["email"])
    }

    @Test func objectionToDirectMarketingDeniesMarketingButNotService() {
        let objected = SubjectState(hasObjectedToDirectMarketing: true, consent: .granted)
        let marketing = policy.decide(actor: "messaging", purpose: "marketing.sms", fields: ["phone"], state: objected)
        #expect(marketing.isDenied)
        #expect(marketing.reason == .objectedToDirectMarketing)
        #expect(
            marketing.summary == "denied: subject objected to direct marketing (GDPR Art. 21(2) / 152-FZ Art. 15(2))")
        let service = policy.decide(actor: "messaging", purpose: "service", fields: ["phone"], state: objected)
        #expect(service.isFullyAllowed)
    }

    @Test(arguments: [ConsentStatus.absent, .withdrawn, .expired, .refused])
    func missingConsentDeniesConsentBasedPurpose(status: ConsentStatus) {
        let plan = policy.plan(actor: "messaging", purpose: "marketing.email", fields: ["email"])
        #expect(plan.consentPurpose == "marketing.email")
        let decision = plan.decide(for: SubjectState(consent: status))
        #expect(decision.isDenied)
        #expect(decision.reason == .noConsent(consentPurpose: "marketing.email", status: status))
        #expect(decision.deniedFields.first?.reason.description == "no current consent for marketing.email (\(status))")
    }

    @Test func consentIsNotNeededForOtherBases() {
        let plan = policy.plan(actor: "compliance", purpose: "dsr", fields: ["email", "health_note"])
        #expect(plan.consentPurpose == nil)
        #expect(plan.decide(for: SubjectState(consent: .withdrawn)).isFullyAllowed)
    }

    @Test func objectionUnderArticle21OneDeniesLegitimateInterest() {
        let plan = policy.plan(actor: "unification", purpose: "unification", fields: ["email", "phone"])
        #expect(plan.decide(for: SubjectState()).isFullyAllowed)
        let decision = plan.decide(for: SubjectState(hasObjectedToLegitimateInterest: true))
        #expect(decision.isDenied)
        #expect(decision.reason == .objectedToProcessing(basis: .legitimateInterest))
        #expect(decision.summary.contains("GDPR Art. 21(1)"))
        let contract = policy.decide(
            actor: "messaging", purpose: "service", fields: ["email"],
            state: SubjectState(hasObjectedToLegitimateInterest: true))
        #expect(contract.isFullyAllowed)
    }

    @Test func minorNeedsGuardianConsent() {
        let plan = policy.plan(actor: "marketer", purpose: "profiling", fields: ["city"])
        let unaccompanied = plan.decide(for: SubjectState(consent: .granted, isMinor: true))
        #expect(unaccompanied.isDenied)
        #expect(unaccompanied.reason == .minorWithoutGuardianConsent(consentPurpose: "profiling"))
        #expect(
            plan.decide(for: SubjectState(consent: .granted, isMinor: true, hasGuardianConsent: true)).isFullyAllowed)
        let service = policy.decide(
            actor: "messaging", purpose: "service", fields: ["email"], state: SubjectState(isMinor: true))
        #expect(service.isFullyAllowed)
    }

    @Test func auditorGetsNoPersonalField() {
        #expect(policy.readableFields(actor: "auditor", purpose: "audit").isEmpty)
        let metadataOnly = policy.decide(actor: "auditor", purpose: "audit", fields: [], state: SubjectState())
        #expect(metadataOnly.isFullyAllowed)
        for field in policy.fields.map(\.name) {
            for purpose in policy.purposes.map(\.name) {
                let decision = policy.decide(actor: "auditor", purpose: purpose, fields: [field], state: consenting)
                #expect(decision.isDenied, "auditor reads \(field) for \(purpose)")
            }
        }
        let dsr = policy.decide(actor: "auditor", purpose: "dsr", fields: ["email"], state: consenting)
        #expect(dsr.reason == .purposeNotGranted(actor: "auditor", purpose: "dsr"))
    }

    @Test func unknownActorPurposeAndFieldAreDeniedWithReasons() {
        let actorPlan = policy.plan(actor: "intruder", purpose: "service", fields: ["email", "phone"])
        #expect(actorPlan.isDeniedForEverySubject)
        let actorDecision = actorPlan.decide(for: consenting)
        #expect(actorDecision.isDenied)
        #expect(actorDecision.deniedFields.map(\.field) == ["email", "phone"])
        #expect(actorDecision.summary == "denied: unknown actor intruder: the policy does not define it")

        let purposeDecision = policy.decide(actor: "messaging", purpose: "spam", fields: ["email"], state: consenting)
        #expect(purposeDecision.reason == .unknownPurpose(purpose: "spam"))

        let fieldDecision = policy.decide(
            actor: "messaging", purpose: "service", fields: ["email", "shoe_size"], state: consenting)
        #expect(fieldDecision.isPartiallyAllowed)
        #expect(
            fieldDecision.deniedFields == [DeniedField(field: "shoe_size", reason: .unknownField(field: "shoe_size"))])
    }

    @Test func specialCategoryFieldNeedsItsExplicitConsent() {
        let plan = policy.plan(actor: "segmentation", purpose: "health.recommendations", fields: ["health_note"])
        #expect(plan.decide(for: SubjectState(consent: .granted)).allowedFields == ["health_note"])
        #expect(plan.decide(for: SubjectState(consent: .absent)).isDenied)
        let analytics = policy.decide(
            actor: "segmentation", purpose: "analytics", fields: ["health_note"], state: consenting)
        #expect(analytics.isDenied)
    }

    @Test func planWithoutFieldsAnswersWhetherTheProcessingMayHappen() {
        let plan = policy.plan(actor: "messaging", purpose: "marketing.push", fields: [])
        #expect(plan.decide(for: consenting).isFullyAllowed)
        let withdrawn = plan.decide(for: SubjectState(consent: .withdrawn))
        #expect(withdrawn.isDenied)
        #expect(withdrawn.deniedFields.isEmpty)
        #expect(withdrawn.summary == "denied: no current consent for marketing.push (withdrawn)")
    }

    @Test func repeatedDecisionsAreEqual() {
        let plan = policy.plan(actor: "segmentation", purpose: "profiling", fields: ["city", "birth_date"])
        let first = plan.decide(for: consenting)
        for _ in 0..<1000 {
            #expect(plan.decide(for: consenting) == first)
        }
        #expect(plan.grantedFields == ["city", "birth_date"])
    }

    @Test func everyDenialCarriesAReason() {
        let fields = policy.fields.map(\.name) + ["unknown_field"]
        let actors = policy.actors.map(\.name) + ["unknown_actor"]
        let purposes = policy.purposes.map(\.name) + ["unknown_purpose"]
        let states = [
            SubjectState(), consenting, SubjectState(isRestricted: true, consent: .granted),
            SubjectState(hasObjectedToDirectMarketing: true, hasObjectedToLegitimateInterest: true, consent: .granted),
            SubjectState(consent: .granted, isMinor: true),
        ]
        var denials = 0
        for actor in actors {
            for purpose in purposes {
                let plan = policy.plan(actor: actor, purpose: purpose, fields: fields)
                for state in states {
                    let decision = plan.decide(for: state)
                    #expect(!decision.summary.isEmpty)
                    #expect(decision.allowedFields.count + decision.deniedFields.count == fields.count)
                    if !decision.isFullyAllowed { #expect(!decision.summary.hasPrefix("allowed")) }
                    for denial in decision.deniedFields {
                        denials += 1
                        #expect(!denial.reason.description.isEmpty, "\(actor) \(purpose) \(denial.field)")
                        #expect(!denial.reason.code.isEmpty)
                    }
                }
            }
        }
        #expect(denials > 0)
    }
}
