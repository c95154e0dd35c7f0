import Foundation
import Testing
import TresorCLI
import Vault

/// Builders of report inputs for the report tests. `SubjectExport` has no public initialiser outside `Vault`, so
/// exports are decoded from their JSON form, exactly as the CLI reads them.
enum ReportFixtures {
    /// A subject export in `language`, with `firstName` and `lastName` as field values, `events` events of three
    /// types (one a minute from 2026-03-01T00:00Z), and `accesses` access-log entries.
    static func export(
        language: String = "en", firstName: String = "Анна", lastName: String = "Кузнецова", events: Int = 3,
        accesses: Int = 2, jurisdiction: String = "152fz", operatorName: String = "ООО «Пример»",
        contact: String = "dpo@example.org"
    ) throws -> SubjectExport {
        let eventTypes = ["page", "Order Completed", "Email Opened"]
        let eventList: [[String: Any]] = (0..<events).map { index in
            [
                "type": eventTypes[index % 3], "at": minute(index), "source": "web",
                "properties": #"{"n":\#(index)}"#,
            ]
        }
        let accessList: [[String: Any]] = (0..<accesses).map { index in
            [
                "seq": 100 + index, "at": minute(10_000 + index), "actor": index % 2 == 0 ? "marketer" : "unification",
                "role": index % 2 == 0 ? "role" : "module", "purpose": "marketing.email", "action": "read",
                "decision": index == 1 ? "denied" : "allowed",
            ]
        }
        let object: [String: Any] = [
            "format": "tresor.subject-export.v1", "generatedAt": "2026-11-01T12:00:00Z", "language": language,
            "dataOperator": ["name": operatorName, "address": "Москва", "contact": contact],
            "request": [
                "id": "DSR-1", "kind": "access", "receivedAt": "2026-10-27T10:12:00+03:00", "dueAt": "2026-11-10",
            ],
            "subject": [
                "id": "subject-1", "jurisdiction": jurisdiction, "createdAt": "2026-03-01T00:00:00Z",
                "restricted": false, "objectedToMarketing": true,
            ],
            "fields": [
                field("first_name", firstName, retention: "while the account exists"),
                field("last_name", lastName, retention: "365 days"),
                field("health_note", "n/a", retention: "21 days", fieldClass: "special_category"),
            ],
            "identities": [["kind": "email", "count": 2]],
            "events": eventList,
            "consents": [
                consent(seq: 9, status: "withdrawn", at: "2026-10-01T00:00:00Z"),
                consent(seq: 3, status: "granted", at: "2026-03-01T00:00:00Z"),
            ],
            "moduleRecords": [
                ["module": "segmentation", "kind": "segment", "key": "winter", "updatedAt": "2026-10-15T03:00:00Z"]
            ],
            "accessLog": accessList,
            "purposes": [["name": "marketing.email", "basis": "consent", "description": "Promotional e-mails."]],
            "recipients": [["name": "Mail Co", "role": "processor"]],
            "rights": [["article": "152-ФЗ ст. 14", "title": "Право на доступ"]],
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return try JSONDecoder().decode(SubjectExport.self, from: data)
    }

    /// ISO text for `minutes` after 2026-03-01T00:00Z.
    static func minute(_ minutes: Int) -> String {
        let days = minutes / 1440
        let hour = minutes % 1440 / 60
        let minute = minutes % 60
        // 2026-03-01 plus up to ~6 months of days is enough for the tests.
        let monthLengths = [31, 30, 31, 30, 31, 31, 30, 31]
        var month = 3
        var day = days
        for length in monthLengths where day >= length {
            day -= length
            month += 1
        }
        return "2026-\(pad(month))-\(pad(day + 1))T\(pad(hour)):\(pad(minute)):00Z"
    }

    /// An audit entry with defaults for the fields a test does not care about.
    static func entry(
        _ seq: Int64, at: Int64? = nil, actor: String = "marketer", purpose: String = "marketing.email",
        action: String = "read", subjects: Int64 = 1, decision: String = "allowed", reason: String = "granted"
    ) -> AuditReportEntry {
        AuditReportEntry(
            seq: seq, at: at ?? 1_788_220_800_000 + seq * 60_000, actor: actor, role: "role", purpose: purpose,
            action: action, subjectCount: subjects, decision: decision, reason: reason)
    }

    /// A verification outcome: valid over `entries` entries, or invalid at `firstBad`.
    static func verification(entries: Int64, firstBad: Int64? = nil, problem: String? = nil) -> AuditReportVerification
    {
        AuditReportVerification(
            isValid: firstBad == nil && problem == nil, entries: entries, firstBadSequence: firstBad, problem: problem,
            checkpointsVerified: 3, headHash: "ab12")
    }

    /// An audit report input over `entries`.
    static func auditInput(_ entries: [AuditReportEntry], firstBad: Int64? = nil, problem: String? = nil)
        -> AuditReportInput
    {
        AuditReportInput(
            generatedAt: "2026-10-16T06:00:00Z", vaultID: "vault-1",
            verification: verification(entries: Int64(entries.count), firstBad: firstBad, problem: problem),
            entries: entries)
    }

    private static func field(
        _ name: String, _ value: String, retention: String, fieldClass: String = "identifier"
    ) -> [String: Any] {
        [
            "name": name, "fieldClass": fieldClass, "value": value, "source": "crm",
            "updatedAt": "2026-03-02T09:14:00Z", "retention": retention,
        ]
    }

    private static func consent(seq: Int, status: String, at: String) -> [String: Any] {
        [
            "seq": seq, "purpose": "marketing.email", "status": status, "textVersion": "v2",
            "textHash": "9f2c4e1ab07d35c8e6f1a2b3", "source": "web_form", "collectedAt": at, "givenBy": "subject",
        ]
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

@Suite struct ReportFixturesTests {
    @Test func fixtureDecodesWithTheRequestedValues() throws {
        let export = try ReportFixtures.export(language: "ru", firstName: "Иван", events: 5, accesses: 4)
        #expect(export.language == "ru")
        #expect(export.fields.first?.value == "Иван")
        #expect(export.events.count == 5)
        #expect(export.accessLog.count == 4)
        #expect(ReportFixtures.minute(1441) == "2026-03-02T00:01:00Z")
        #expect(ReportFixtures.minute(31 * 1440) == "2026-04-01T00:00:00Z")
    }
}

/// Structural checks on rendered pages.
enum ReportChecks {
    /// HTML elements that never have a closing tag.
    static let voidElements: Set<String> = ["meta", "br", "hr", "img", "input", "link"]

    /// Nil when every element of `markup` is closed in order (void elements aside), else a description of the
    /// first mismatch.
    static func tagProblem(_ markup: String) -> String? {
        var stack: [String] = []
        let scalars = Array(markup.unicodeScalars)
        var index = 0
        func name(from start: Int) -> (String, Int) {
            var end = start
            while end < scalars.count,
                scalars[end].properties.isAlphabetic || "0123456789-:".unicodeScalars.contains(scalars[end])
            {
                end += 1
            }
            return (String(String.UnicodeScalarView(scalars[start..<end])).lowercased(), end)
        }
        while index < scalars.count {
            guard scalars[index] == "<" else {
                index += 1
                continue
            }
            guard let close = scalars[index...].firstIndex(of: ">") else { return "unterminated tag at \(index)" }
            if scalars[index + 1] == "!" {
                index = close + 1
                continue
            }
            if scalars[index + 1] == "/" {
                let (tag, _) = name(from: index + 2)
                guard let open = stack.popLast() else { return "</\(tag)> closes nothing" }
                guard open == tag else { return "</\(tag)> closes <\(open)>" }
            } else {
                let (tag, _) = name(from: index + 1)
                guard !tag.isEmpty else { return "bare < at \(index)" }
                if scalars[close - 1] != "/" && !voidElements.contains(tag) { stack.append(tag) }
            }
            index = close + 1
        }
        return stack.isEmpty ? nil : "unclosed <\(stack.last!)>"
    }

    /// The `<svg>...</svg>` elements of `html`.
    static func svgElements(_ html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg") {
            guard let end = rest[start.upperBound...].range(of: "</svg>") else {
                result.append(String(rest[start.lowerBound...]))
                break
            }
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    /// How many times `needle` occurs in `haystack`.
    static func count(_ needle: String, in haystack: some StringProtocol) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// Whether every `&` in `html` starts a character reference.
    static func ampersandsAreEscaped(_ html: String) throws -> Bool {
        try Regex("&(?!(amp|lt|gt|quot|#39|#x?[0-9a-fA-F]+);)").firstMatch(in: html) == nil
    }
}
