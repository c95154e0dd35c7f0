import Foundation
import Policy
import Testing

@Suite struct RegimeTests {
    let policy: AccessPolicy

    init() throws {
        policy = try PolicyFixtures.defaultPolicy()
    }

    private func date(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    @Test func gdprDeadlineIsOneCalendarMonthExtendableByTwo() throws {
        let deadline = try #require(policy.regime(named: "gdpr")).requestDeadline
        let received = try date("2026-01-31T10:00:00Z")
        #expect(deadline.dueDate(receivedAt: received) == (try date("2026-02-28T10:00:00Z")))
        #expect(deadline.extendedDueDate(receivedAt: received) == (try date("2026-04-30T10:00:00Z")))
    }

    @Test func russianDeadlineCountsWorkingDays() throws {
        let deadline = try #require(policy.regime(named: "152fz")).requestDeadline
        let friday = try date("2026-10-02T09:30:00Z")
        #expect(deadline.dueDate(receivedAt: friday) == (try date("2026-10-16T09:30:00Z")))
        #expect(deadline.extendedDueDate(receivedAt: friday) == (try date("2026-10-23T09:30:00Z")))
        let saturday = try date("2026-10-03T12:00:00Z")
        #expect(deadline.dueDate(receivedAt: saturday) == (try date("2026-10-16T12:00:00Z")))
    }

    @Test func ageOfConsentDependsOnTheRegime() throws {
        let now = try date("2026-11-01T00:00:00Z")
        let fifteen = try date("2011-06-01T00:00:00Z")
        #expect(try #require(policy.regime(named: "gdpr")).isBelowAgeOfConsent(birthDate: fifteen, at: now))
        #expect(!(try #require(policy.regime(named: "152fz")).isBelowAgeOfConsent(birthDate: fifteen, at: now)))
        let sixteenToday = try date("2010-11-01T00:00:00Z")
        #expect(!(try #require(policy.regime(named: "gdpr")).isBelowAgeOfConsent(birthDate: sixteenToday, at: now)))
    }
}
