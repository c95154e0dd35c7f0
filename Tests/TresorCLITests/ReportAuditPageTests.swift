import Testing

@testable import TresorCLI

@Suite struct ReportAuditPageTests {
    /// 30 entries over 3 days: 4 actors, every 5th denied, every 7th a scan of 100 subjects.
    static let entries: [AuditReportEntry] = (1...30).map { seq in
        let actors = ["unification", "segmentation", "marketer", "compliance"]
        return ReportFixtures.entry(
            Int64(seq), at: 1_788_220_800_000 + Int64(seq) * 9_000_000, actor: actors[seq % 4],
            purpose: seq % 3 == 0 ? "profiling" : "unification", action: seq % 7 == 0 ? "scan" : "read",
            subjects: seq % 7 == 0 ? 100 : 1,
            decision: seq % 5 == 0 ? "denied" : (seq % 11 == 0 ? "partial" : "allowed"),
            reason: seq % 5 == 0 ? "no consent for profiling" : "granted")
    }

    @Test func invalidLogShowsTheFirstBadSequenceAndProblem() {
        let html = AuditReportPage.render(
            ReportFixtures.auditInput(Self.entries, firstBad: 17, problem: "entry 17 was altered"))
        #expect(html.contains(#"<div class="banner bad""#))
        #expect(html.contains("verification FAILED"))
        #expect(html.contains("First bad sequence: #17."))
        #expect(html.contains("Problem: entry 17 was altered."))
        #expect(!html.contains("✓ Audit log verified"))
    }

    @Test func validLogShowsAGreenBannerWithTheHeadHash() {
        let html = AuditReportPage.render(ReportFixtures.auditInput(Self.entries))
        #expect(html.contains(#"<div class="banner ok""#))
        #expect(html.contains("✓ Audit log verified"))
        #expect(html.contains("Head hash: <code>ab12</code>"))
        #expect(!html.contains("The verifier read"))
    }

    @Test func aMismatchBetweenVerifiedAndReportedEntriesIsPointedOut() {
        var input = ReportFixtures.auditInput(Self.entries)
        input.verification.entries = 31
        #expect(AuditReportPage.render(input).contains("The verifier read 31 entries; this report covers 30."))
    }

    @Test func countsAreRight() {
        let summary = AuditReportSummary(Self.entries)
        #expect(summary.entryCount == 30)
        #expect(summary.deniedCount == 6)
        #expect(summary.partialCount == 2)  // 11 and 22
        #expect(summary.allowedCount == 22)
        #expect(summary.subjectsTouched == 26 + 4 * 100)
        #expect(summary.bulkCount == 4)
        #expect(summary.actorCount == 4)
        #expect(summary.purposeCounts == ["profiling": 10, "unification": 20])
        #expect(summary.latestDenials.map(\.seq) == [30, 25, 20, 15, 10, 5])
        #expect(summary.latestBulkOperations.map(\.seq) == [28, 21, 14, 7])

        let html = AuditReportPage.render(ReportFixtures.auditInput(Self.entries))
        #expect(html.contains(#"<span class="figure">30</span><span class="label">entries</span>"#))
        #expect(html.contains(#"<span class="figure">426</span><span class="label">subjects touched"#))
        #expect(html.contains(#"<span class="figure">6</span><span class="label">denials</span>"#))
        #expect(html.contains("All 6 denials, newest first"))
        #expect(html.contains("All 4 bulk operations, newest first"))
    }

    @Test func tablesKeepOnlyTheLatestRows() {
        let entries = (1...450).map { ReportFixtures.entry(Int64($0), decision: "denied", reason: "no") }
        let summary = AuditReportSummary(entries)
        #expect(summary.latestDenials.count == AuditReportSummary.denialLimit)
        #expect(summary.latestDenials.first?.seq == 450)
        #expect(summary.latestDenials.last?.seq == 251)
        #expect(summary.newestEntries.map(\.seq) == Array((351...450).reversed()))
        let html = AuditReportPage.render(ReportFixtures.auditInput(entries))
        #expect(html.contains("Latest 200 of 450 denials, newest first"))
        #expect(html.contains("Latest 100 of 450 entries, newest first"))
    }

    @Test func bulkOperationsAreSeveralSubjectsScansErasuresAndExports() {
        let bulk = [
            ReportFixtures.entry(1, subjects: 2), ReportFixtures.entry(2, action: "scan"),
            ReportFixtures.entry(3, action: "scan.events"), ReportFixtures.entry(4, action: "erase"),
            ReportFixtures.entry(5, action: "export"),
        ]
        let single = [ReportFixtures.entry(6), ReportFixtures.entry(7, action: "write")]
        #expect(bulk.allSatisfy { $0.isBulk })
        #expect(!single.contains { $0.isBulk })
    }

    @Test func emptyLogRendersWithoutCharts() {
        let html = AuditReportPage.render(ReportFixtures.auditInput([]))
        #expect(html.contains("The audit log has no entries, so there is nothing to chart."))
        #expect(html.contains("No access was denied."))
        #expect(html.contains("No bulk operation was recorded."))
        #expect(!html.contains("<svg"))
        #expect(ReportChecks.tagProblem(html) == nil)
    }

    @Test func chartsAreWellFormedSVG() throws {
        let html = AuditReportPage.render(ReportFixtures.auditInput(Self.entries))
        let svgs = ReportChecks.svgElements(html)
        #expect(svgs.count == 3)
        #expect(ReportChecks.count("<svg", in: html) == ReportChecks.count("</svg>", in: html))
        for svg in svgs {
            #expect(svg.hasSuffix("</svg>"))
            #expect(svg.contains(#"xmlns="http://www.w3.org/2000/svg""#))
            #expect(svg.contains(#"role="img""#))
            #expect(ReportChecks.tagProblem(svg) == nil)
            #expect(try ReportChecks.ampersandsAreEscaped(svg))
        }
        #expect(ReportChecks.tagProblem(html) == nil)
        // The stacked columns: one per day (entries every 2.5 hours over 4 days), each with a tooltip giving the
        // day's total and its split by actor, most active actor first.
        #expect(svgs[0].contains("<title>2026-09-01 — 9 (marketer: 2, segmentation: 3, compliance: 2, unification: 2)"))
        #expect(svgs[0].contains("<title>2026-09-02 — 10 ("))
        #expect(svgs[0].contains("<title>2026-09-04 — 2 (marketer: 1, segmentation: 1)"))
        #expect(ReportChecks.count("<title>2026-09-0", in: svgs[0]) == 4)
    }

    @Test func manyActorsAndPurposesAreGroupedAsOther() {
        let entries = (1...40).map {
            ReportFixtures.entry(Int64($0), actor: "actor-\($0 % 20)", purpose: "p\($0 % 18)")
        }
        let html = AuditReportPage.render(ReportFixtures.auditInput(entries))
        #expect(html.contains("other actors (13)"))  // 20 actors, 7 named in the timeline
        #expect(html.contains("other actors (5)"))  // 15 rows in the decisions chart
        #expect(html.contains("other purposes (3)"))
    }

    @Test func longSpansAreBucketedIntoWeeksMonthsAndYears() {
        #expect(TimeBucketing(firstDay: 0, lastDay: 61) == .day)
        #expect(TimeBucketing(firstDay: 0, lastDay: 62) == .week)
        #expect(TimeBucketing(firstDay: 0, lastDay: 419) == .week)
        #expect(TimeBucketing(firstDay: 0, lastDay: 420) == .month)
        #expect(TimeBucketing(firstDay: 0, lastDay: 5_000) == .year)
        // 2026-09-07 is a Monday: the week starting on it holds that day and the Sunday after.
        let monday = CivilDate(year: 2026, month: 9, day: 7).daysSinceEpoch
        #expect(TimeBucketing.week.key(ofDay: monday) == TimeBucketing.week.key(ofDay: monday + 6))
        #expect(TimeBucketing.week.key(ofDay: monday) != TimeBucketing.week.key(ofDay: monday - 1))
        #expect(
            TimeBucketing.week.labels(ofKey: TimeBucketing.week.key(ofDay: monday + 3)).full == "week of 2026-09-07")
        #expect(TimeBucketing.month.labels(ofKey: TimeBucketing.month.key(ofDay: monday)).short == "2026-09")
    }

    @Test func scaleTicksAreRound() {
        #expect(ChartScale(largest: 0).ticks == [0, 1])
        #expect(ChartScale(largest: 7).ticks == [0, 2, 4, 6, 8])
        #expect(ChartScale(largest: 560).ticks == [0, 200, 400, 600])
        #expect(ChartScale(largest: 7_045).maximum == 8_000)
        #expect(ChartScale(largest: 1_000_000).maximum == 1_000_000)
    }

    @Test func sameInputGivesTheSamePageInAnyEntryOrder() {
        let input = ReportFixtures.auditInput(Self.entries)
        let page = AuditReportPage.render(input)
        #expect(page == AuditReportPage.render(input))
        var shuffled = input
        var generator = SplitMix(seed: 7)
        shuffled.entries.shuffle(using: &generator)
        #expect(shuffled.entries.map(\.seq) != input.entries.map(\.seq))
        #expect(AuditReportPage.render(shuffled) == page)
    }

    @Test func streamingTheSummaryGivesTheSamePage() {
        var summary = AuditReportSummary()
        for entry in Self.entries { summary.add(entry) }
        let input = ReportFixtures.auditInput(Self.entries)
        #expect(
            AuditReportPage.render(
                summary, generatedAt: input.generatedAt, vaultID: input.vaultID, verification: input.verification)
                == AuditReportPage.render(input))
    }
}

/// A seeded random generator, so shuffles are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
