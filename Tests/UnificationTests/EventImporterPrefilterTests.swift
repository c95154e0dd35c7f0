import Testing

@testable import Unification

/// Pass 1 of the event import parses only lines that may hold an identity message.
@Suite struct EventImporterPrefilterTests {
    func may(_ line: String) -> Bool { EventImporter.mayHoldIdentityMessage(Array(line.utf8)) }

    @Test func eventLinesAreSkipped() {
        #expect(!may(#"{"type":"track","messageId":"m1","event":"Product Viewed","properties":{"price":1}}"#))
        #expect(!may(#"{"type":"page","messageId":"m2","anonymousId":"x","name":"Home"}"#))
    }

    @Test func identityLinesAreParsed() {
        #expect(may(#"{"type":"identify","messageId":"m1","userId":"u"}"#))
        #expect(may(#"{"type":"alias","previousId":"a","userId":"u"}"#))
        #expect(may(#"{"batch":[{"type":"track"}]}"#))
        #expect(may(#"{"type" : "identify"}"#))
    }

    @Test func escapesAreParsed() {
        #expect(may(#"{"type":"\u0069dentify","userId":"u"}"#))
        #expect(may(#"{"\u0074ype":"track"}"#))
    }

    @Test func onlyQuotedWordsCount() {
        #expect(may(#"x"alias""#))
        #expect(!may(#"x"alias"#))
        #expect(!may(#"{"event":"identifying"}"#))
        #expect(!may("alias"))
        #expect(!may(""))
        #expect(!may("\""))
    }
}
