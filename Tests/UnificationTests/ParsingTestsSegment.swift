import Foundation
import Testing

@testable import Unification

@Suite("Segment messages: types")
struct ParsingTestsSegmentTypes {
    @Test("identify: ids, timestamp, identity traits (camel or snake case, numbers, address) and context.traits")
    func identify() throws {
        let json = """
            {"type":"identify","messageId":"m-1","timestamp":"2026-03-26T14:09:31.742Z","userId":"C252551921205",
             "anonymousId":"f06c144a","traits":{"email":"mariya@orange.fr","first_name":"Мария","lastName":"Соколова",
             "phone":79123456789,"plan":"gold","address":{"city":"Москва","country":"RU"},"gender":"","age":31},
             "context":{"traits":{"email":"other@example.org","language":"ru"},"ip":"1.2.3.4"}}
            """
        let message = try #require(ParsingFixtures.message(json))
        #expect(message.type == .identify)
        #expect(message.line == 7)
        #expect(message.messageId == "m-1")
        #expect(message.timestamp == 1_774_534_171_742)
        #expect(message.userId == "C252551921205")
        #expect(message.anonymousId == "f06c144a")
        #expect(message.traits[.email] == "mariya@orange.fr")
        #expect(message.traits[.firstName] == "Мария")
        #expect(message.traits[.lastName] == "Соколова")
        #expect(message.traits[.phone] == "79123456789")
        #expect(message.traits[.city] == "Москва")
        #expect(message.traits[.country] == "RU")
        #expect(message.traits[.language] == "ru")
        #expect(message.traits[.gender] == nil)
        #expect(message.traits.keys == [.email, .phone, .firstName, .lastName, .city, .country, .language])
        #expect(message.properties == nil)
    }

    @Test("track: the event name and the properties' bytes exactly as they appear in the line")
    func track() throws {
        let properties =
            #"{ "order_id": "O1f", "revenue": 1299.5, "products": [{"product_id":"SKU00001","q":2}], "note": "\u00e9\n" }"#
        let json = """
            {"type":"track","messageId":"m-2","timestamp":"2026-01-05T10:00:00+01:00","userId":"C1",
             "event":"Order Completed","properties":\(properties),"context":{"traits":{"phone":"+49301234567"}}}
            """
        let message = try #require(ParsingFixtures.message(json))
        #expect(message.type == .track)
        #expect(message.event == "Order Completed")
        #expect(message.timestamp == 1_767_603_600_000)
        #expect(message.properties == Array(properties.utf8))
        #expect(message.traits[.phone] == "+49301234567")
        #expect(message.anonymousId == nil)
    }

    @Test("page and screen: optional name and properties")
    func pageAndScreen() throws {
        let page = try #require(
            ParsingFixtures.message(
                #"{"type":"page","messageId":"p","timestamp":"2026-01-01T00:00:00Z","anonymousId":"a","name":"Home","properties":{"path":"/"}}"#
            ))
        #expect(page.type == .page)
        #expect(page.name == "Home")
        #expect(page.properties == Array(#"{"path":"/"}"#.utf8))
        let screen = try #require(
            ParsingFixtures.message(
                #"{"type":"screen","messageId":"s","timestamp":"2026-01-01T00:00:00Z","anonymousId":"a","properties":null}"#
            ))
        #expect(screen.type == .screen)
        #expect(screen.name == nil)
        #expect(screen.properties == nil)
    }

    @Test("group: the group id; the group's own traits are not identity traits")
    func group() throws {
        let message = try #require(
            ParsingFixtures.message(
                #"{"type":"group","messageId":"g","timestamp":"2026-01-01T00:00:00Z","userId":"u","groupId":"acme","traits":{"email":"office@acme.test"}}"#
            ))
        #expect(message.type == .group)
        #expect(message.groupId == "acme")
        #expect(message.traits.isEmpty)
        let problem = try #require(
            ParsingFixtures.problem(
                #"{"type":"group","messageId":"g","timestamp":"2026-01-01T00:00:00Z","userId":"u"}"#))
        #expect(problem.field == "groupId")
        #expect(problem.reason == .missingField)
    }

    @Test("alias: previous id and user id; a missing previous id is rejected")
    func alias() throws {
        let message = try #require(
            ParsingFixtures.message(
                #"{"type":"alias","messageId":"al","timestamp":"2026-01-01T00:00:00Z","userId":"C9","previousId":"anon-1","anonymousId":"anon-1"}"#
            ))
        #expect(message.type == .alias)
        #expect(message.previousId == "anon-1")
        #expect(message.userId == "C9")
        let problem = try #require(
            ParsingFixtures.problem(
                #"{"type":"alias","messageId":"al","timestamp":"2026-01-01T00:00:00Z","userId":"C9"}"#))
        #expect(problem.field == "previousId")
    }

    @Test("a batch is flattened; its elements are judged one by one and inherit the batch's context.traits")
    func batch() throws {
        let json = """
            {"batch":[
              {"type":"identify","messageId":"b1","timestamp":"2026-01-01T00:00:00Z","userId":"u1","traits":{"firstName":"Ann"}},
              {"type":"track","messageId":"b2","timestamp":"2026-01-01T00:00:01Z","userId":"u1","event":"Product Viewed","properties":{}},
              {"type":"track","messageId":"b3","timestamp":"yesterday","userId":"u1","event":"X"},
              42,
              {"type":"batch","messageId":"b5"},
              {"type":"alias","messageId":"b6","timestamp":"2026-01-01T00:00:02Z","userId":"u1","previousId":"a"}
            ],"context":{"traits":{"email":"ann@example.org"}},"sentAt":"2026-01-01T00:00:03Z"}
            """
        let outcomes = ParsingFixtures.parse(json, line: 12)
        #expect(outcomes.count == 6)
        var rendered: [String] = []
        for outcome in outcomes {
            switch outcome {
            case .message(let message):
                rendered.append(
                    "\(message.line) \(message.type.rawValue) \(message.messageId) \(message.traits.keys.map(\.rawValue))"
                )
            case .problem(let problem):
                rendered.append("\(problem.line) \(problem.field ?? "-") \(problem.reason.code)")
            }
        }
        #expect(
            rendered == [
                "12 identify b1 [\"email\", \"firstName\"]", "12 track b2 [\"email\"]",
                "12 batch[2].timestamp invalid_timestamp", "12 batch[3] wrong_type", "12 batch[4].type unknown_type",
                "12 alias b6 [\"email\"]",
            ])
        #expect(ParsingFixtures.parse(#"{"type":"batch","batch":[]}"#).isEmpty)
        let notArray = try #require(ParsingFixtures.problem(#"{"type":"batch","batch":{}}"#))
        #expect(notArray.field == "batch")
        #expect(notArray.reason == .wrongType(expected: "an array"))
        #expect(ParsingFixtures.problem(#"{"type":"batch"}"#)?.reason == .missingField)
    }

    @Test("identifiers may be numbers; escapes are decoded; originalTimestamp stands in for a missing timestamp")
    func lenientShapes() throws {
        let message = try #require(
            ParsingFixtures.message(
                #"{"type":"tr\u0061ck","messageId":12345,"originalTimestamp":"2026-01-01T00:00:00Z","timestamp":null,"userId":"\u0418\u0432\u0430\u043d \ud83d\ude00","anonymousId":"","event":"Clicked \"Buy\""}"#
            ))
        #expect(message.type == .track)
        #expect(message.messageId == "12345")
        #expect(message.timestamp == 1_767_225_600_000)
        #expect(message.userId == "Иван 😀")
        #expect(message.anonymousId == nil)
        #expect(message.event == "Clicked \"Buy\"")
    }

    @Test("a message prints its type and line only")
    func redactedDescription() throws {
        let message = try #require(
            ParsingFixtures.message(
                #"{"type":"identify","messageId":"m","timestamp":"2026-01-01T00:00:00Z","userId":"C77","traits":{"email":"ivan@example.org"}}"#
            ))
        #expect(String(describing: message) == "SegmentMessage(identify, line: 7)")
        #expect(String(describing: message.traits) == "SegmentTraits(email)")
        var dumped = ""
        dump(message, to: &dumped)
        #expect(!dumped.contains("ivan") && !dumped.contains("C77"))
    }
}

@Suite("Segment messages: rejections")
struct ParsingTestsSegmentProblems {
    private static let valid = #""messageId":"m","timestamp":"2026-01-01T00:00:00Z","anonymousId":"a""#

    @Test(
        "invalid JSON is rejected with a position, never the content",
        arguments: [
            (#"{"type":"track","event":"Broken", "timestamp": "not-a-time""#, "expected ',' or '}' but the line ended"),
            ("not json at all", "invalid literal at byte 1"),
            (#"["type"]"#, "the line is not a JSON object"),
            (#"{"a":1} {"b":2}"#, "unexpected text after the object at byte 9"),
            (#"{"a":"unclosed}"#, "string starting at byte 6 is not closed"),
            (#"{"a":"x\qy"}"#, "invalid escape at byte 9"),
            (#"{"a":"\ud800"}"#, "unpaired surrogate escape at byte 13"),
            ("{\"a\":\"tab\there\"}", "control character in a string at byte 10"),
            (#"{"a":01}"#, "expected ',' or '}' at byte 7"),
            (#"{"a":-}"#, "invalid number at byte 7"),
            (#"{"a":1.}"#, "invalid number at byte 8"),
            (#"{"a" 1}"#, "expected ':' at byte 6"),
            (#"{a:1}"#, "expected a member name at byte 2"),
            (#"{"a":[1,2}"#, "expected ',' or ']' at byte 10"),
            (#"{"a":tru}"#, "invalid literal at byte 6"),
            ("", "expected '{' but the line ended"),
        ])
    func invalidJSON(line: String, detail: String) throws {
        let problem = try #require(ParsingFixtures.problem(line))
        #expect(problem.line == 7)
        #expect(problem.field == nil)
        #expect(problem.reason == .invalidJSON(detail))
    }

    @Test("invalid UTF-8 inside a string is invalid JSON")
    func invalidUTF8() {
        let bytes = Array(#"{"type":"track","event":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        let outcomes = bytes.withUnsafeBufferPointer { SegmentMessageParser.parse($0, line: 3) }
        #expect(
            outcomes == [
                .problem(
                    RecordProblem(
                        line: 3, field: nil, reason: .invalidJSON("string starting at byte 25 is not valid UTF-8")))
            ])
    }

    @Test("nesting deeper than the limit is rejected, not a crash")
    func deepNesting() throws {
        let line =
            #"{"properties":"# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        let problem = try #require(ParsingFixtures.problem(line))
        #expect(problem.reason == .invalidJSON("nesting deeper than 64 levels at byte 78"))
    }

    @Test(
        "required members are checked and named",
        arguments: [
            (#"{"messageId":"m","timestamp":"2026-01-01T00:00:00Z","anonymousId":"a"}"#, "type", "missing_field"),
            (#"{"type":7,\#(valid)}"#, "type", "wrong_type"),
            (#"{"type":"purchase",\#(valid)}"#, "type", "unknown_type"),
            (#"{"type":"Track",\#(valid)}"#, "type", "unknown_type"),
            (#"{"type":"page","timestamp":"2026-01-01T00:00:00Z","anonymousId":"a"}"#, "messageId", "missing_field"),
            (
                #"{"type":"page","messageId":"","timestamp":"2026-01-01T00:00:00Z","anonymousId":"a"}"#, "messageId",
                "empty_field"
            ),
            (
                #"{"type":"page","messageId":["m"],"timestamp":"2026-01-01T00:00:00Z","anonymousId":"a"}"#, "messageId",
                "wrong_type"
            ),
            (#"{"type":"page","messageId":"m","anonymousId":"a"}"#, "timestamp", "missing_field"),
            (
                #"{"type":"page","messageId":"m","timestamp":"31.12.2025","anonymousId":"a"}"#, "timestamp",
                "invalid_timestamp"
            ),
            (
                #"{"type":"page","messageId":"m","timestamp":1767225600000,"anonymousId":"a"}"#, "timestamp",
                "invalid_timestamp"
            ),
            (
                #"{"type":"page","messageId":"m","timestamp":"2026-01-01T00:00:00Z"}"#, "userId/anonymousId",
                "missing_identity"
            ),
            (
                #"{"type":"page","messageId":"m","timestamp":"2026-01-01T00:00:00Z","userId":null,"anonymousId":""}"#,
                "userId/anonymousId", "missing_identity"
            ),
            (
                #"{"type":"page","messageId":"m","timestamp":"2026-01-01T00:00:00Z","userId":{"id":1}}"#, "userId",
                "wrong_type"
            ),
            (#"{"type":"track",\#(valid)}"#, "event", "missing_field"),
            (#"{"type":"track",\#(valid),"event":"  "}"#, "event", "empty_field"),
            (#"{"type":"track",\#(valid),"event":3}"#, "event", "wrong_type"),
            (#"{"type":"track",\#(valid),"event":"E","properties":[1]}"#, "properties", "wrong_type"),
            (#"{"type":"identify",\#(valid),"traits":"x"}"#, "traits", "wrong_type"),
        ])
    func requiredMembers(line: String, field: String, code: String) throws {
        let problem = try #require(ParsingFixtures.problem(line))
        #expect(problem.field == field)
        #expect(problem.reason.code == code)
    }
}
