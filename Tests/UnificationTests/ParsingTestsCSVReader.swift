import Foundation
import Testing

@testable import Unification

@Suite("CSV reader: RFC 4180 records")
struct ParsingTestsCSVReader {
    @Test("a byte-order mark and CRLF line ends are not part of the data")
    func byteOrderMarkAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name\r\n1,Анна\r\n2,\"Jörg\"\r\n".utf8)
        let reader = try CSVReader(bytes: bytes)
        #expect(reader.header == ["id", "name"])
        var rendered: [String] = []
        while let outcome = try reader.next() { rendered += ParsingFixtures.render([outcome]) }
        #expect(rendered == ["2: 1|Анна", "3: 2|Jörg"])
    }

    @Test("quoted fields keep commas, doubled quotes and line breaks; line numbers stay physical")
    func quotedFields() throws {
        let csv = #"""
            a,b,c
            "x, y","he said ""hi""",plain
            "multi
            line
            field",2,""
            last,"",end
            """#
        let outcomes = try ParsingFixtures.readCSV(csv)
        #expect(
            ParsingFixtures.render(outcomes) == [
                "2: x, y|he said \"hi\"|plain",
                "3: multi\nline\nfield|2|",
                "6: last||end",
            ])
    }

    @Test("a CR inside a quoted field is kept, the one of a CRLF line end is not")
    func carriageReturns() throws {
        let outcomes = try ParsingFixtures.readCSV("a,b\r\n\"x\r\ny\",z\r\n\"q\"\r\n")
        #expect(ParsingFixtures.render(outcomes) == ["2: x\r\ny|z", "4: !wrong_field_count(-)"])
    }

    @Test("a last line without a line break is read; empty lines are skipped")
    func lastLineAndBlankLines() throws {
        let outcomes = try ParsingFixtures.readCSV("a,b\n\n1,2\r\n\r\n3,4")
        #expect(ParsingFixtures.render(outcomes) == ["3: 1|2", "5: 3|4"])
    }

    @Test("an empty field at the end of the file is a field")
    func trailingEmptyField() throws {
        #expect(ParsingFixtures.render(try ParsingFixtures.readCSV("a,b\n1,")) == ["2: 1|"])
    }

    @Test("results do not depend on where chunk boundaries fall", arguments: [4, 5, 7, 8, 13, 64])
    func chunkBoundaries(chunkSize: Int) throws {
        var csv = "\u{FEFF}source,name,city\r\n"
        csv += "crm,\"Римский-Корсаков, \"\"Н.\"\"\",\"Москва\r\nСанкт-Петербург\"\r\n"
        csv += "web,Łódź,\r\n"
        csv += "pos,a\"b,c\r\n"
        csv += "app,\"unclosed,x\r\n"
        csv += "app,ok,ok\r\n"
        csv += "web,\(String(repeating: "Z", count: 70)),x\r\n"
        let bytes = Array(csv.utf8)
        var small = CSVReaderOptions()
        small.chunkSize = chunkSize
        small.maxFieldLength = 64
        var large = small
        large.chunkSize = 1 << 20
        let expected = ParsingFixtures.render(try ParsingFixtures.readCSV(bytes: bytes, options: large))
        #expect(ParsingFixtures.render(try ParsingFixtures.readCSV(bytes: bytes, options: small)) == expected)
        #expect(
            expected == [
                "2: crm|Римский-Корсаков, \"Н.\"|Москва\r\nСанкт-Петербург",
                "4: web|Łódź|",
                "5: !stray_quote(name)",
                "6: !unterminated_quote(name)",
                "7: app|ok|ok",
                "8: !field_too_long(name)",
            ])
    }

    @Test("records stay valid after the reader has moved on")
    func retainedRecords() throws {
        let reader = try CSVReader(bytes: Array("a,b\n1,one\n2,two\n3,three\n".utf8))
        var kept: [CSVRecord] = []
        while let outcome = try reader.next() {
            if case .record(let record) = outcome { kept.append(record) }
        }
        #expect(kept.map(\.fields) == [["1", "one"], ["2", "two"], ["3", "three"]])
        #expect(kept.map(\.line) == [2, 3, 4])
    }

    @Test("a record prints its line and size, never its values")
    func redactedDescription() throws {
        let record = CSVRecord(line: 4, fields: ["ivan@example.org", "+79123456789"])
        #expect(String(describing: record) == "CSVRecord(line: 4, fields: 2)")
        var dumped = ""
        dump(record, to: &dumped)
        #expect(!dumped.contains("ivan") && !dumped.contains("7912"))
        #expect(record.withUTF8(at: 0) { $0.count } == 16)
    }

    @Test("a generated file of 20,000 rows is read from disk with the right lines and fields")
    func largeFile() throws {
        var text = "source,source_record_id,email,city\n"
        for index in 0..<20_000 {
            let city = index % 7 == 0 ? "\"Санкт-Петербург,\nцентр\"" : "Berlin"
            text += "crm,crm-\(index),user\(index)@example.org,\(city)\n"
        }
        let directory = try ParsingTemporaryDirectory()
        let url = try directory.write(Array(text.utf8), to: "big.csv")
        var options = CSVReaderOptions()
        options.chunkSize = 4096
        let reader = try CSVReader(url: url, options: options)
        #expect(reader.fileName == "big.csv")
        var count = 0
        var line = 2
        while let outcome = try reader.next() {
            guard case .record(let record) = outcome else {
                Issue.record("unexpected \(outcome)")
                break
            }
            #expect(record.line == line)
            #expect(record[1] == "crm-\(count)")
            line += count % 7 == 0 ? 2 : 1
            count += 1
        }
        #expect(count == 20_000)
    }
}

@Suite("CSV reader: rejected records")
struct ParsingTestsCSVProblems {
    @Test("an unterminated quote at the end of the file costs one line: reading resumes at the next")
    func unterminatedQuoteAtEndOfFile() throws {
        let outcomes = try ParsingFixtures.readCSV("id,name,city\n1,\"Ann,Paris\n2,Bob,Lyon\n3,Eve,Nice\n")
        #expect(ParsingFixtures.render(outcomes) == ["2: !unterminated_quote(name)", "3: 2|Bob|Lyon", "4: 3|Eve|Nice"])
    }

    @Test("recovery seeks back in the file when the record began chunks earlier")
    func recoverySeeksBackInFile() throws {
        var text = "id,name\r\n1,\"never closed\r\n"
        for index in 2...200 { text += "\(index),name \(index)\r\n" }
        let directory = try ParsingTemporaryDirectory()
        let url = try directory.write(Array(text.utf8), to: "broken.csv")
        var options = CSVReaderOptions()
        options.chunkSize = 16
        let reader = try CSVReader(url: url, options: options)
        var rendered: [String] = []
        while let outcome = try reader.next() { rendered += ParsingFixtures.render([outcome]) }
        #expect(rendered.count == 200)
        #expect(rendered.first == "2: !unterminated_quote(name)")
        #expect(rendered[1] == "3: 2|name 2")
        #expect(rendered.last == "201: 200|name 200")
    }

    @Test("a runaway quoted field is given up once it spans lines past the length limit")
    func runawayQuote() throws {
        var options = CSVReaderOptions()
        options.maxFieldLength = 16
        var csv = "id,name\n1,\"open\n"
        for index in 2...9 { csv += "\(index),row number \(index)\n" }
        csv += "10,\"closes\"\"\"\n"
        let outcomes = try ParsingFixtures.readCSV(csv, options: options)
        let rendered = ParsingFixtures.render(outcomes)
        #expect(rendered.first == "2: !unterminated_quote(name)")
        #expect(rendered.dropFirst().prefix(8) == ArraySlice((2...9).map { "\($0 + 1): \($0)|row number \($0)" }))
        #expect(rendered.last == "11: 10|closes\"")
    }

    @Test("a quote inside an unquoted field is a stray quote; the next line is read normally")
    func strayQuoteInUnquotedField() throws {
        let outcomes = try ParsingFixtures.readCSV("a,b\nab\"c,d\n1,2\n")
        #expect(ParsingFixtures.render(outcomes) == ["2: !stray_quote(a)", "3: 1|2"])
        guard case .problem(let problem) = outcomes[0] else { return }
        #expect(problem.reason == .strayQuote(afterClosingQuote: false))
    }

    @Test("text after a closing quote is a stray quote; a multi-line record with one costs only its first line")
    func textAfterClosingQuote() throws {
        let outcomes = try ParsingFixtures.readCSV("a,b\n\"x\"y,1\n1,\"open\n2,\"b\"c\n3,4\n")
        #expect(
            ParsingFixtures.render(outcomes) == [
                "2: !stray_quote(a)", "3: !stray_quote(b)", "4: !stray_quote(b)", "5: 3|4",
            ])
    }

    @Test("a record with another number of fields than the header is rejected with both counts")
    func wrongFieldCount() throws {
        let outcomes = try ParsingFixtures.readCSV("a,b,c\n1,2\n1,2,3,4\n1,2,3\n")
        #expect(
            ParsingFixtures.render(outcomes) == ["2: !wrong_field_count(-)", "3: !wrong_field_count(-)", "4: 1|2|3"])
        guard case .problem(let problem) = outcomes[1] else { return }
        #expect(problem.reason == .wrongFieldCount(expected: 3, actual: 4))
        #expect(problem.reason.message == "expected 3 fields, found 4")
    }

    @Test("an over-long field is rejected naming its column, quoted or not; the limit itself is fine")
    func fieldTooLong() throws {
        var options = CSVReaderOptions()
        options.maxFieldLength = 8
        let csv = "id,city\r\n1,12345678\r\n2,123456789\r\n3,\"12345678\"\r\n4,\"1234,6789\"\r\n5,ok\r\n"
        let outcomes = try ParsingFixtures.readCSV(csv, options: options)
        #expect(
            ParsingFixtures.render(outcomes) == [
                "2: 1|12345678", "3: !field_too_long(city)", "4: 3|12345678", "5: !field_too_long(city)", "6: 5|ok",
            ])
        guard case .problem(let problem) = outcomes[1] else { return }
        #expect(problem.reason == .fieldTooLong(limit: 8))
    }

    @Test("the data set's 5,000-character fields are rejected with the default 4,096-byte limit")
    func defaultLimit() throws {
        let csv = "id,city\n1,\(String(repeating: "Z", count: 5_000))\n2,Kraków\n"
        #expect(
            ParsingFixtures.render(try ParsingFixtures.readCSV(csv)) == ["2: !field_too_long(city)", "3: 2|Kraków"])
    }

    @Test("invalid UTF-8 is rejected naming the column, also a sequence split between two fields")
    func invalidUTF8() throws {
        var bytes = Array("a,b\nok,x".utf8) + [0xFF] + Array("\n".utf8)
        bytes += [0xD0] + Array(",".utf8) + [0xB0] + Array("\n".utf8)
        bytes += Array("fine,Ёж\n".utf8)
        bytes += Array("x,".utf8) + [0xED, 0xA0, 0x80] + Array("\n".utf8)
        let outcomes = try ParsingFixtures.readCSV(bytes: bytes)
        #expect(
            ParsingFixtures.render(outcomes) == [
                "2: !invalid_utf8(b)", "3: !invalid_utf8(a)", "4: fine|Ёж", "5: !invalid_utf8(b)",
            ])
    }

    @Test("control characters are data, not errors (normalisation judges them)")
    func controlCharacters() throws {
        let outcomes = try ParsingFixtures.readCSV("a,b\nМария\u{0}\u{7},x\n")
        #expect(ParsingFixtures.render(outcomes) == ["2: Мария\u{0}\u{7}|x"])
    }

    @Test("a file without a header line, or with a broken one, cannot be read")
    func headerErrors() throws {
        #expect(throws: UnificationError(.missingHeader, fileName: "customers.csv", "the file has no header line")) {
            _ = try ParsingFixtures.readCSV("\n\r\n")
        }
        let error = #expect(throws: UnificationError.self) { _ = try ParsingFixtures.readCSV("a,\"b\n1,2\n") }
        #expect(error?.code == .invalidHeader)
        let utf8 = #expect(throws: UnificationError.self) {
            _ = try ParsingFixtures.readCSV(bytes: Array("a,".utf8) + [0xC3] + Array("\n".utf8))
        }
        #expect(utf8?.description == "customers.csv: line 1, column 2: not valid UTF-8")
        var options = CSVReaderOptions()
        options.maxColumns = 3
        let wide = #expect(throws: UnificationError.self) {
            _ = try ParsingFixtures.readCSV("a,b,c,d\n", options: options)
        }
        #expect(wide?.message == "line 1: more than 3 columns")
    }

    @Test("a missing file is a cannotRead error naming it")
    func missingFile() throws {
        let error = #expect(throws: UnificationError.self) {
            _ = try CSVReader(url: URL(fileURLWithPath: "/nonexistent/parsing/customers.csv"))
        }
        #expect(error?.code == .cannotRead)
        #expect(error?.fileName == "customers.csv")
    }
}
