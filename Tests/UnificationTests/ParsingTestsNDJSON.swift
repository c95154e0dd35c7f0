import Foundation
import Testing

@testable import Unification

@Suite("NDJSON line reader")
struct ParsingTestsNDJSON {
    @Test("a BOM on the first line, CRLF, blank lines and a last line without a line break")
    func lineShapes() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"a\":1}\r\n\r\n  \n{\"b\":2}\n{\"c\":3}".utf8)
        let outcomes = try ParsingFixtures.readLines(bytes)
        #expect(ParsingFixtures.render(outcomes) == ["1: {\"a\":1}", "4: {\"b\":2}", "5: {\"c\":3}"])
    }

    @Test("a BOM is only stripped at the start of the file")
    func byteOrderMarkLater() throws {
        let bytes: [UInt8] = Array("1\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("2\n".utf8)
        let outcomes = try ParsingFixtures.readLines(bytes)
        guard outcomes.count == 2, case .line(let second) = outcomes[1] else {
            Issue.record("expected two lines")
            return
        }
        #expect(second.bytes == [0xEF, 0xBB, 0xBF, UInt8(ascii: "2")])
    }

    @Test("an over-long line is rejected and skipped up to the next line feed", arguments: [4, 9, 1 << 20])
    func lineTooLong(chunkSize: Int) throws {
        let text = "short\n\(String(repeating: "x", count: 100))\nexactly-16-bytes\r\nafter\n"
        let outcomes = try ParsingFixtures.readLines(Array(text.utf8), maxLineLength: 16, chunkSize: chunkSize)
        #expect(
            ParsingFixtures.render(outcomes) == ["1: short", "2: !line_too_long", "3: exactly-16-bytes", "4: after"])
        guard case .problem(let problem) = outcomes[1] else { return }
        #expect(problem.reason == .lineTooLong(limit: 16))
    }

    @Test("lines read from a generated file keep their numbers across 1 MiB chunks")
    func largeFile() throws {
        var text = ""
        for index in 1...30_000 {
            text +=
                #"{"type":"track","messageId":"m\#(index)","timestamp":"2026-01-01T00:00:00Z","anonymousId":"a","event":"E"}"#
            text += index % 1000 == 0 ? "\r\n\n" : "\n"
        }
        let directory = try ParsingTemporaryDirectory()
        let url = try directory.write(Array(text.utf8), to: "events.ndjson")
        let reader = try NDJSONLineReader(url: url)
        #expect(reader.fileName == "events.ndjson")
        var count = 0
        var lastNumber = 0
        while let outcome = try reader.next() {
            guard case .line(let line) = outcome else {
                Issue.record("unexpected \(outcome)")
                break
            }
            count += 1
            lastNumber = line.number
            guard case .message(let message) = SegmentMessageParser.parse(line).first else {
                Issue.record("line \(line.number) did not decode")
                break
            }
            #expect(message.messageId == "m\(count)")
        }
        #expect(count == 30_000)
        #expect(lastNumber == 30_029)
    }

    @Test("a broken line is rejected and reading continues with the next one")
    func brokenLineContinues() throws {
        let text = """
            {"type":"track","messageId":"1","timestamp":"2026-01-01T00:00:00Z","anonymousId":"a","event":"Viewed"}
            {"type":"track","event":"Broken", "timestamp": "not-a-time"
            not json at all
            {"type":"page","messageId":"2","timestamp":"2026-01-01T00:00:01Z","anonymousId":"a"}
            """
        var results: [String] = []
        for outcome in try ParsingFixtures.readLines(Array(text.utf8)) {
            guard case .line(let line) = outcome else { continue }
            for result in SegmentMessageParser.parse(line) {
                switch result {
                case .message(let message): results.append("\(message.line): \(message.type.rawValue)")
                case .problem(let problem): results.append("\(problem.line): \(problem.reason.code)")
                }
            }
        }
        #expect(results == ["1: track", "2: invalid_json", "3: invalid_json", "4: page"])
    }

    @Test("a line prints its number and length only")
    func redactedDescription() {
        let line = NDJSONLine(number: 3, bytes: Array(#"{"email":"ivan@example.org"}"#.utf8))
        #expect(String(describing: line) == "NDJSONLine(number: 3, bytes: 28)")
    }
}
