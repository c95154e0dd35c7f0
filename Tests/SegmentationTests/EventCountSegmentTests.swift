import Foundation
import Policy
import Segmentation
import Testing
import Vault

@Suite struct EventCountSegmentTests {
    @Test func membersAreThoseWithEnoughEventsAndConsent() throws {
        let (vault, directory, people) = try MiniVault.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        // people[0]: 3 views, consent; people[1]: 3 views, no consent; people[2]: 1 view, consent.
        let segment = EventCountSegment(
            name: "engaged", eventTypes: ["Product Viewed"], minimumCount: 2, since: 0, purpose: "profiling")
        let members = try segment.members(in: vault, as: Actor(name: "segmentation", osUser: "test"))
        #expect(members == [people[0]])
        var filter = AuditFilter()
        filter.action = "scan-events"
        #expect(try vault.auditEntries(matching: filter).count == 1)
    }
}
