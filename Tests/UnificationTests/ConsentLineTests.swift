import Foundation
import Testing

@testable import Unification

/// Consent lines are read with the project's JSON scanner; what it returns must be what
/// `JSONSerialization` gave the importer before.
@Suite struct ConsentLineTests {
    func viaFoundation(_ line: String) -> [String: String]? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
            return nil
        }
        return object.compactMapValues { $0 as? String }
    }

    @Test(arguments: [
        #"{"external_id":"C1","purpose":"analytics","status":"granted","at":"2025-02-09T20:28:14.000Z"}"#,
        #" { "email" : "a@b.c" , "n" : 12.5e3, "b": true, "z": null, "o": {"x": ["y", 1]}, "a": [] } "#,
        #"{"purpose":"a\"b\\c\/d\u00e9\ud83d\ude00\n\t","status":""}"#,
        #"{"purpose":"first","purpose":"second"}"#,
        #"{"purpose":"first","purpose":7}"#,
        #"{"Ключ":"значение","emoji":"🦔"}"#,
        "{}",
        #"["not","an","object"]"#,
        #"{"unterminated":"x"#,
        #"{"a":"x"} trailing"#,
        #"{"a":01}"#,
        #"{"a":"x",}"#,
        "not json",
        #""just a string""#,
        "",
    ])
    func agreesWithJSONSerialization(line: String) {
        #expect(ConsentImporter.stringMembers(Array(line.utf8)) == viaFoundation(line))
    }
}
