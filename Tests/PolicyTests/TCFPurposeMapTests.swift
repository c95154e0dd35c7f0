import Foundation
import Policy
import Testing

/// Loading `tcf-purposes.json`: the shipped file, and every validation error with its file name and JSON path.
@Suite struct TCFPurposeMapTests {
    typealias F = TCFFixtures

    /// Loads `json` as `tcf-purposes.json`.
    static func load(_ json: String) throws(PolicyError) -> TCFPurposeMap {
        try TCFPurposeMap.load(data: Data(json.utf8), fileName: "tcf-purposes.json", knownPurposes: F.knownPurposes)
    }

    /// The error of loading `json`; fails the test when it loads.
    static func error(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> PolicyError? {
        do {
            _ = try load(json)
        } catch {
            return error
        }
        Issue.record("the map loaded without errors", sourceLocation: sourceLocation)
        return nil
    }

    @Test func shippedMap() throws {
        let map = try F.shippedMap()
        #expect(map.version == "tcf-purposes-1")
        #expect(map.signal == .core)
        #expect(map.purposes == ["analytics", "personalization", "profiling"])
        #expect(map.tcfPurposes(for: "profiling") == [3, 4])
        #expect(map.tcfPurposes(for: "personalization") == [5, 6])
        #expect(map.tcfPurposes(for: "analytics") == [7, 8, 9, 10])
        #expect(map.tcfPurposes(for: "marketing.email").isEmpty)
        #expect(map.mappings[1] == nil && map.mappings[2] == nil && map.mappings[11] == nil)
    }

    @Test func shippedMapNeedsItsPurposesToBeKnown() {
        do {
            _ = try TCFPurposeMap.load(contentsOf: F.purposeMapURL, knownPurposes: ["analytics"])
            Issue.record("the map loaded without errors")
        } catch {
            #expect(error.fileName == "tcf-purposes.json")
            #expect(
                error.issues(withCode: .unknownConsentPurpose).map(\.path) == [
                    #"$.purposes["3"]"#, #"$.purposes["4"]"#, #"$.purposes["5"]"#, #"$.purposes["6"]"#,
                ])
        }
    }

    @Test func minimalMapDefaultsToTheCoreSignal() throws {
        let map = try Self.load(#"{"version": "v", "purposes": {"1": "analytics", "11": "personalization"}}"#)
        #expect(map.signal == .core)
        #expect(map.mappings == [1: "analytics", 11: "personalization"])
        let publisher = try Self.load(#"{"version": "v", "signal": "publisherTC", "purposes": {"7": "analytics"}}"#)
        #expect(publisher.signal == .publisherTC)
    }

    @Test func unknownKeys() throws {
        let error = try #require(
            Self.error(#"{"version": "v", "purposes": {"7": "analytics"}, "specialFeatures": {}, "note": 1}"#))
        #expect(error.issues.map(\.code) == [.unknownKey, .unknownKey])
        #expect(error.issues.map(\.path) == ["$.specialFeatures", "$.note"])
        #expect(error.description.hasPrefix(#"tcf-purposes.json: $.specialFeatures: unknown key "specialFeatures""#))
    }

    @Test(arguments: ["0", "12", "24", "-1", "03", "1.0", "abc", "", " 7", "999999999999999999999"])
    func purposeIDsOutsideOneToEleven(id: String) throws {
        let error = try #require(Self.error(#"{"version": "v", "purposes": {"\#(id)": "analytics"}}"#))
        #expect(error.issues.count == 1)
        let issue = try #require(error.issues.first)
        #expect(issue.code == .invalidValue)
        // JSONPath prints identifier-like keys after a dot and every other key in brackets.
        #expect(issue.path == (id == "abc" ? "$.purposes.abc" : #"$.purposes["\#(id)"]"#))
        #expect(issue.message.contains("from 1 to 11"))
        #expect(issue.line == 1)
    }

    @Test func duplicateIDs() throws {
        let json = """
            {
              "version": "v",
              "purposes": {
                "7": "analytics",
                "8": "analytics",
                "7": "profiling"
              }
            }
            """
        let error = try #require(Self.error(json))
        #expect(error.issues.map(\.code) == [.duplicateKey])
        #expect(error.issues.first?.path == #"$.purposes["7"]"#)
        #expect(error.issues.first?.line == 6)
        #expect(error.description.contains(#"TCF purpose "7" appears twice (first at line 4)"#))
    }

    @Test func emptyUnknownAndMistypedPurposeNames() throws {
        let json = #"{"version": "v", "purposes": {"3": "", "4": "profilling", "5": 5, "6": null}}"#
        let error = try #require(Self.error(json))
        #expect(error.issues.map(\.code) == [.invalidValue, .unknownConsentPurpose, .wrongType, .wrongType])
        #expect(
            error.issues.map(\.path) == [
                #"$.purposes["3"]"#, #"$.purposes["4"]"#, #"$.purposes["5"]"#, #"$.purposes["6"]"#,
            ])
        #expect(error.issues[1].message.contains(#""profilling""#))
    }

    @Test func missingAndMistypedSections() throws {
        let missing = try #require(Self.error(#"{"description": "nothing"}"#))
        #expect(missing.issues.map(\.code) == [.missingKey, .missingKey])
        #expect(missing.issues.allSatisfy { $0.path == "$" })

        let wrong = try #require(Self.error(#"{"version": 1, "purposes": [], "signal": "vendor"}"#))
        #expect(wrong.issues.map(\.path) == ["$.version", "$.signal", "$.purposes"])
        #expect(wrong.issues.map(\.code) == [.wrongType, .invalidValue, .wrongType])

        let empty = try #require(Self.error(#"{"version": "v", "purposes": {}}"#))
        #expect(empty.issues.map(\.path) == ["$.purposes"])
        #expect(try #require(Self.error("[]")).issues.map(\.code) == [.wrongType])
    }

    @Test func syntaxErrorsAndUnreadableFiles() throws {
        let syntax = try #require(Self.error("{\n  \"version\": \"v\",\n  \"purposes\": {\"7\": analytics}\n}"))
        #expect(syntax.issues.map(\.code) == [.syntax])
        #expect(syntax.issues.first?.line == 3)
        #expect(syntax.description.hasPrefix("tcf-purposes.json: $.purposes[\"7\"]: invalid JSON at line 3"))

        let missingURL = F.purposeMapURL.deletingLastPathComponent().appendingPathComponent("no-such-map.json")
        do {
            _ = try TCFPurposeMap.load(contentsOf: missingURL, knownPurposes: F.knownPurposes)
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.fileName == "no-such-map.json")
            #expect(error.issues.map(\.code) == [.unreadableFile])
        }
    }
}
