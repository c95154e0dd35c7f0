import Policy
import Testing

@Suite struct ExplainTests {
    let policy: AccessPolicy

    init() throws {
        policy = try PolicyFixtures.defaultPolicy()
    }

    @Test func explainsADenialByConsent() {
        let text = policy.explain(
            actor: "messaging", purpose: "marketing.email", field: "email", state: SubjectState(consent: .withdrawn))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "Decision: DENIED")
        #expect(lines.dropFirst().first == "Reason: no current consent for marketing.email (withdrawn)")
        #expect(
            lines.contains(
                "  [ok]     $.actors.messaging.grants[0] grants field email by name for purpose marketing.email"))
        #expect(lines.contains("  [denied] consent for marketing.email is granted (status: withdrawn)"))
        #expect(
            text.contains("Purpose: marketing.email (basis consent, consent purpose marketing.email, direct marketing"))
    }

    @Test func explainsAnAllowedReadByClass() {
        let text = policy.explain(
            actor: "segmentation", purpose: "profiling", field: "birth_date", state: SubjectState(consent: .granted))
        #expect(text.hasPrefix("Decision: ALLOWED\nActor: segmentation (module, 2 grants)"))
        #expect(text.contains("grants field birth_date by class demographic for purpose profiling"))
        #expect(!text.contains("[denied]"))
    }

    @Test func explainsAFieldOutsideTheGrants() {
        let text = policy.explain(
            actor: "marketer", purpose: "analytics", field: "email", state: SubjectState(consent: .granted))
        #expect(text.contains("Reason: field email is not granted to actor marketer for purpose analytics"))
        #expect(text.contains("(granted: first_name, city, country, language)"))
    }

    @Test func listsEveryObstacleButGivesTheFirstSubjectLevelReason() {
        let text = policy.explain(actor: "marketer", purpose: "analytics", field: "email", state: SubjectState())
        #expect(text.contains("Reason: no current consent for analytics (absent)"))
        #expect(text.split(separator: "\n").filter { $0.contains("[denied]") }.count == 2)
    }

    @Test func explainsAnUnknownActor() {
        let text = policy.explain(actor: "intruder", purpose: "service", field: "email", state: SubjectState())
        #expect(text.contains("Reason: unknown actor intruder"))
        #expect(text.contains("Actor: intruder (not defined in the policy)"))
        #expect(text.contains("[denied] actor intruder is defined"))
    }
}
