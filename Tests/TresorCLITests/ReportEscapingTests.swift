import Foundation
import Testing
import Vault

@testable import TresorCLI

@Suite struct ReportEscapingTests {
    static let hostile = #"O'Brien "Bobby" <script>alert('x')</script> & </td></tr><img src=x onerror=alert(1)>"#

    @Test func escapesTheFiveSpecialCharacters() {
        #expect(
            HTMLEscaping.escape(#"<a href="x">Tom & Jerry's</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test func leavesPlainAndCyrillicTextUnchanged() {
        #expect(HTMLEscaping.escape("Анна Сергеевна — Нижний Новгород") == "Анна Сергеевна — Нижний Новгород")
    }

    @Test func replacesControlCharactersButKeepsLineBreaks() {
        #expect(HTMLEscaping.escape("a\u{0}b\u{1B}c\nd\te") == "a\u{FFFD}b\u{FFFD}c\nd\te")
    }

    @Test func hostileFieldValuesAreEscapedOnTheExportPage() throws {
        let export = try ReportFixtures.export(firstName: Self.hostile, lastName: "Д'Арк")
        let html = SubjectExportPage.render(export)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("O'Brien"))
        #expect(
            html.contains(
                "O&#39;Brien &quot;Bobby&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;/td&gt;"))
        #expect(html.contains("Д&#39;Арк"))
        #expect(ReportChecks.tagProblem(html) == nil)
        #expect(try ReportChecks.ampersandsAreEscaped(html))
    }

    @Test func hostileOperatorAndContactAreEscapedInTitleAndLink() throws {
        let export = try ReportFixtures.export(
            operatorName: "</title><script>x()</script>", contact: #"a@b.c" onclick="x()"#)
        let html = SubjectExportPage.render(export)
        #expect(!html.contains("<script"))
        #expect(html.contains("<title>Your personal data — &lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>"))
        #expect(!html.contains("mailto:"), "a contact that is not a plain address must not become a link")
        #expect(!html.contains(#"onclick=""#))
        #expect(ReportChecks.tagProblem(html) == nil)
    }

    @Test func hostileEventPropertiesAndAccessLogValuesAreEscaped() throws {
        var export = try ReportFixtures.export(events: 1, accesses: 1)
        export.events[0].properties = #"{"q":"</td><script>steal()</script>"}"#
        export.events[0].type = "<b>bold</b>"
        export.accessLog[0].actor = "<i>actor</i>"
        export.rights[0].title = "Right <u>x</u>"
        let html = SubjectExportPage.render(export)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>bold"))
        #expect(!html.contains("<i>actor"))
        #expect(!html.contains("<u>x"))
        #expect(ReportChecks.tagProblem(html) == nil)
    }

    @Test func pagesForbidScriptsAndExternalResources() throws {
        let export = SubjectExportPage.render(try ReportFixtures.export())
        let audit = AuditReportPage.render(ReportFixtures.auditInput([ReportFixtures.entry(1)]))
        for html in [export, audit] {
            #expect(html.contains(#"content="default-src 'none'; style-src 'unsafe-inline'""#))
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains(#"<meta charset="utf-8">"#))
            let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            #expect(!withoutNamespace.contains("http:"))
            #expect(!withoutNamespace.contains("https:"))
            #expect(!html.contains(" src="))
            #expect(!html.contains("<script"))
            #expect(!html.contains("<link"))
        }
    }

    @Test func hostileAuditValuesAreEscapedInTablesAndCharts() throws {
        let entries = [
            ReportFixtures.entry(1, actor: "<script>a</script>", purpose: "p&q", decision: "denied", reason: "x<y"),
            ReportFixtures.entry(2, actor: #"a"b"#, purpose: "<svg onload=x>", action: "scan", subjects: 3),
        ]
        let html = AuditReportPage.render(ReportFixtures.auditInput(entries))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<svg onload"))
        #expect(html.contains("&lt;script&gt;a&lt;/script&gt;"))
        #expect(ReportChecks.tagProblem(html) == nil)
        #expect(try ReportChecks.ampersandsAreEscaped(html))
    }
}
