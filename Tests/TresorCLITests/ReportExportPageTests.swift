import Foundation
import Testing
import Vault

@testable import TresorCLI

@Suite struct ReportExportPageTests {
    @Test func everySectionIsPresentAndLinkedFromTheContents() throws {
        let html = SubjectExportPage.render(try ReportFixtures.export())
        for section in SubjectExportPage.sections(.english) {
            #expect(html.contains(#"<section id="\#(section.id)""#), "missing section \(section.id)")
            #expect(html.contains(##"<a href="#\##(section.id)">"##), "contents do not link \(section.id)")
        }
        #expect(ReportChecks.tagProblem(html) == nil)
    }

    @Test func headerShowsOperatorRequestAndTimesInUTC() throws {
        let html = SubjectExportPage.render(try ReportFixtures.export())
        #expect(html.contains("ООО «Пример»"))
        #expect(html.contains("<dd>DSR-1</dd>"))
        #expect(html.contains("<dd>2026-10-27 07:12 UTC</dd>"), "received time converted from +03:00")
        #expect(html.contains("<dd>2026-11-10</dd>"))
        #expect(html.contains("Generated: 2026-11-01 12:00 UTC."))
    }

    @Test func eventsAreSummarisedByTypeAndCappedWithANote() throws {
        let export = try ReportFixtures.export(events: 1_240)
        let html = SubjectExportPage.render(export)
        let eventsSection = try #require(Self.section("events", of: html))
        // The summary: 414 "page", 413 of each other type, with first and last times.
        #expect(eventsSection.contains(#"<td><code>page</code></td><td class="num">414</td>"#))
        #expect(eventsSection.contains(#"<td><code>Order Completed</code></td><td class="num">413</td>"#))
        #expect(eventsSection.contains("<th class=\"num\">1\u{202F}240</th>"))
        #expect(eventsSection.contains("Latest 500 of 1\u{202F}240, newest first"))
        #expect(eventsSection.contains("740 older rows are not shown here; the enclosed JSON file has all of them."))
        // 8 summary rows at most; the list holds exactly the newest 500 events, newest first.
        #expect(ReportChecks.count(#"<td class="props">"#, in: eventsSection) == 500)
        let newest = ReportTime.format(iso: export.events[1_239].at)
        let oldestShown = ReportTime.format(iso: export.events[740].at)
        let notShown = ReportTime.format(iso: export.events[739].at)
        let firstRow = try #require(eventsSection.range(of: #"<td class="props">"#))
        #expect(
            eventsSection[..<firstRow.lowerBound].hasSuffix(
                #"<td class="time">\#(newest)</td><td><code>page</code></td><td>Website</td>"#))
        #expect(eventsSection.contains(oldestShown))
        #expect(!eventsSection.contains(#"<td class="time">\#(notShown)</td>"#))
    }

    @Test func fewEventsAreAllListedWithoutANote() throws {
        let html = SubjectExportPage.render(try ReportFixtures.export(events: 4))
        let eventsSection = try #require(Self.section("events", of: html))
        #expect(eventsSection.contains("All events, newest first"))
        #expect(!eventsSection.contains("JSON file has"))
        #expect(ReportChecks.count(#"<td class="props">"#, in: eventsSection) == 4)
    }

    @Test func noEventsSaysSo() throws {
        let html = SubjectExportPage.render(try ReportFixtures.export(events: 0, accesses: 0))
        #expect(html.contains("No events are recorded about you."))
        #expect(html.contains("No one has accessed your data."))
    }

    @Test func accessLogIsNewestFirstWithDecisions() throws {
        let html = SubjectExportPage.render(try ReportFixtures.export(accesses: 3))
        let access = try #require(Self.section("access", of: html))
        let first = try #require(access.range(of: "2026-03-07 22:42 UTC"))  // seq 102
        let second = try #require(access.range(of: "2026-03-07 22:41 UTC"))  // seq 101
        #expect(first.lowerBound < second.lowerBound)
        #expect(access.contains(#"<span class="tag bad">Denied</span>"#))
        #expect(access.contains("Marketing staff<span class=\"sub\">marketer · employee</span>"))
    }

    @Test func consentsAreOldestFirstWithAShortHash() throws {
        let html = SubjectExportPage.render(try ReportFixtures.export())
        let consents = try #require(Self.section("consents", of: html))
        let granted = try #require(consents.range(of: #"<span class="tag good">Given</span>"#))
        let withdrawn = try #require(consents.range(of: #"<span class="tag warn">Withdrawn</span>"#))
        #expect(granted.lowerBound < withdrawn.lowerBound)
        #expect(consents.contains(#"<code title="9f2c4e1ab07d35c8e6f1a2b3">9f2c4e1ab07d</code>"#))
    }

    @Test func retentionGroupsFieldsByPeriod() throws {
        let html = SubjectExportPage.render(try ReportFixtures.export())
        let retention = try #require(Self.section("retention", of: html))
        #expect(retention.contains("<td>while your record exists</td><td>First name</td>"))
        #expect(retention.contains("<td>365 days</td><td>Last name</td>"))
    }

    @Test func sameExportGivesTheSamePage() throws {
        let export = try ReportFixtures.export(events: 300, accesses: 20)
        #expect(SubjectExportPage.render(export) == SubjectExportPage.render(export))
    }

    /// The `<section id="id">` element of `html`.
    static func section(_ id: String, of html: String) -> Substring? {
        guard let start = html.range(of: #"<section id="\#(id)""#),
            let end = html[start.upperBound...].range(of: "</section>")
        else { return nil }
        return html[start.lowerBound..<end.upperBound]
    }
}
