import Foundation
import Testing

@testable import Unification

@Suite("Reject report")
struct ParsingTestsRejectReport {
    private static let email = "zoltan.privacy-canary@example.org"
    private static let phone = "+7 (912) 345-67-89"
    private static let name = "Zebedäus"

    @Test("no value of the input ever appears in the report")
    func privacy() throws {
        var report = RejectReport()
        // CSV: the values sit in records rejected for every reason the reader knows.
        var csv = "external_id,email,phone,first_name\n"
        csv += "C1,\(Self.email),\"\(Self.phone)\",\(Self.name)\"x\n"  // stray quote
        csv += "C2,\(Self.email),\(Self.phone)\n"  // wrong field count
        csv += "C3,\(Self.email),\(Self.phone),\(Self.name)\(String(repeating: "!", count: 5_000))\n"  // too long
        csv += "C4,\(Self.email),\"\(Self.phone)\"junk,\(Self.name)\n"  // text after closing quote
        var bytes = Array(csv.utf8)
        bytes += Array("C5,\(Self.email),\(Self.phone),\(Self.name)".utf8) + [0xFF, 0x0A]  // invalid UTF-8
        bytes += Array("C6,\"\(Self.email),\(Self.phone),\(Self.name)\n".utf8)  // unterminated quote
        let reader = try CSVReader(bytes: bytes, name: "customers.csv")
        while let outcome = try reader.next() {
            if case .problem(let problem) = outcome { report.add(problem, file: reader.fileName) }
        }
        // NDJSON: the values sit in lines rejected by the line reader and the Segment parser.
        let identity = #""traits":{"email":"\#(Self.email)","phone":"\#(Self.phone)","firstName":"\#(Self.name)"}"#
        let lines = [
            #"{"type":"identify","messageId":"m1","timestamp":"\#(Self.email)","userId":"\#(Self.phone)",\#(identity)}"#,
            #"{"type":"identify","timestamp":"2026-01-01T00:00:00Z","userId":"\#(Self.email)",\#(identity)}"#,
            #"{"type":"identify","messageId":"m3","timestamp":"2026-01-01T00:00:00Z",\#(identity)}"#,
            #"{"type":"\#(Self.email)","messageId":"m4","timestamp":"2026-01-01T00:00:00Z","userId":"u"}"#,
            #"{"type":"track","messageId":"m5","timestamp":"2026-01-01T00:00:00Z","userId":"\#(Self.phone)","event":""}"#,
            #"{"type":"identify","messageId":"\#(Self.email)","timestamp":"2026-01-01T00:00:00Z","userId":"u",\#(identity)"#,
            #"{"\#(Self.email)":"\#(Self.phone)"} \#(Self.name)"#,
            "\(Self.email) \(Self.phone) \(Self.name)",
            String(repeating: "\(Self.email) ", count: 100),
        ]
        let text = lines.joined(separator: "\n") + "\n"
        let lineReader = try NDJSONLineReader(bytes: Array(text.utf8), name: "events.ndjson", maxLineLength: 1_000)
        while let outcome = try lineReader.next() {
            switch outcome {
            case .line(let line):
                for case .problem(let problem) in SegmentMessageParser.parse(line) {
                    report.add(problem, file: lineReader.fileName)
                }
            case .problem(let problem): report.add(problem, file: lineReader.fileName)
            }
        }

        #expect(report.count == 15)
        #expect(
            report.countsByReason == [
                "stray_quote": 2, "wrong_field_count": 1, "field_too_long": 1, "invalid_utf8": 1,
                "unterminated_quote": 1, "invalid_timestamp": 1, "missing_field": 1, "missing_identity": 1,
                "unknown_type": 1, "empty_field": 1, "invalid_json": 3, "line_too_long": 1,
            ])
        let directory = try ParsingTemporaryDirectory()
        let url = directory.url.appendingPathComponent("rejects.csv")
        try report.write(to: url)
        let written = try String(contentsOf: url, encoding: .utf8)
        #expect(written == report.csvText)
        for fragment in [
            Self.email, "zoltan", "privacy-canary", "example.org", Self.phone, "912", "345-67", Self.name, "Zebed",
        ] {
            #expect(!written.contains(fragment), "the report contains \(fragment)")
        }
        #expect(written.hasPrefix("file,line,field,reason,message\n"))
        #expect(written.contains("customers.csv,2,first_name,stray_quote,quote character inside an unquoted field\n"))
        #expect(written.contains("events.ndjson,3,userId/anonymousId,missing_identity,"))
    }

    @Test("fields with commas, quotes or line breaks are quoted in the CSV")
    func escaping() {
        var report = RejectReport()
        report.add(RecordProblem(line: 4, field: "Street, \"No\"\r\n2", reason: .invalidUTF8), file: "a,b.csv")
        report.add(RecordProblem(line: 9, field: nil, reason: .wrongFieldCount(expected: 3, actual: 2)), file: "c.csv")
        #expect(
            report.csvText == """
                file,line,field,reason,message
                "a,b.csv",4,"Street, ""No""\r\n2",invalid_utf8,not valid UTF-8
                c.csv,9,,wrong_field_count,"expected 3 fields, found 2"

                """)
        #expect(
            report.entries[1]
                == .init(
                    file: "c.csv", line: 9, field: nil, reason: "wrong_field_count",
                    message: "expected 3 fields, found 2"))
        #expect(!report.isEmpty)
        #expect(RejectReport().csvText == "file,line,field,reason,message\n")
    }

    @Test("an unwritable destination is a cannotWrite error")
    func unwritable() {
        let error = #expect(throws: UnificationError.self) {
            try RejectReport().write(to: URL(fileURLWithPath: "/nonexistent/parsing/rejects.csv"))
        }
        #expect(error?.code == .cannotWrite)
        #expect(error?.description == "rejects.csv: cannot write the reject report")
    }
}

@Suite("UTF-8 validation")
struct ParsingTestsUTF8 {
    @Test(
        "valid sequences of every length are accepted",
        arguments: [
            "", "ascii only, longer than eight bytes", "Ёжик", "€uro", "😀 emoji", "\u{10FFFF}", "\u{D7FF}\u{E000}",
        ])
    func valid(text: String) {
        #expect(UTF8Validation.isValid(Array(text.utf8)))
    }

    @Test(
        "overlong forms, surrogates, values above U+10FFFF and truncated sequences are rejected",
        arguments: [
            [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF], [0xED, 0xA0, 0x80],
            [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xC3],
            [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0xC3, 0x28],
        ] as [[UInt8]])
    func invalid(bytes: [UInt8]) {
        #expect(!UTF8Validation.isValid(bytes))
    }
}

@Suite("Unification errors")
struct ParsingTestsErrors {
    @Test("the description is `file: message`, or the message alone")
    func description() {
        #expect(
            UnificationError(.missingHeader, fileName: "x.csv", "the file has no header line").description
                == "x.csv: the file has no header line")
        #expect(UnificationError(.cannotWrite, fileName: nil, "disk full").description == "disk full")
    }

    @Test("every reject reason has a distinct snake_case code and a message")
    func reasonCodes() {
        let reasons: [RejectReason] = [
            .unterminatedQuote, .strayQuote(afterClosingQuote: false), .wrongFieldCount(expected: 1, actual: 2),
            .invalidUTF8, .fieldTooLong(limit: 1), .lineTooLong(limit: 1), .invalidJSON("x"), .missingField,
            .emptyField, .wrongType(expected: "a string"), .missingIdentity, .unknownType, .invalidTimestamp,
        ]
        #expect(Set(reasons.map(\.code)).count == reasons.count)
        for reason in reasons {
            #expect(reason.code.allSatisfy { $0.isLowercase || $0 == "_" || $0.isNumber })
            #expect(!reason.message.isEmpty)
        }
    }
}
