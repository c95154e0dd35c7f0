import Foundation
import Testing

@testable import Unification

@Suite("CSV header mapping")
struct ParsingTestsHeaderMapping {
    @Test(
        "common spellings map to canonical fields, ignoring case, spaces, underscores and hyphens",
        arguments: [
            ("customer_id", CanonicalField.externalId), ("Client ID", .externalId), ("id_client", .externalId),
            ("externalId", .externalId), ("E-Mail", .email), ("mail", .email), ("Email Address", .email),
            ("Mobile", .phone), ("telephone", .phone), ("TEL", .phone), ("phone-number", .phone),
            ("FirstName", .firstName), ("given_name", .firstName), ("name first", .firstName), ("Имя", .firstName),
            ("surname", .lastName), ("Family Name", .lastName), ("ФАМИЛИЯ", .lastName), ("DOB", .birthDate),
            ("date_of_birth", .birthDate), ("Birthday", .birthDate), ("Дата рождения", .birthDate),
            ("gender", .gender), ("City", .city), ("Country Code", .country), ("lang", .language),
            ("locale", .language), ("created_at", .createdAt), ("source", .source), ("record_id", .sourceRecordId),
            ("ID", .sourceRecordId), ("Телефон", .phone),
        ])
    func autoMapping(column: String, field: CanonicalField) {
        #expect(CSVColumnName.field(for: column) == field)
    }

    @Test("unknown or ambiguous names map to nothing", arguments: ["name", "notes", "full name", "e mail x", ""])
    func unknownNames(column: String) {
        #expect(CSVColumnName.field(for: column) == nil)
    }

    @Test("the data set's header maps completely")
    func dataSetHeader() throws {
        let header = [
            "source", "source_record_id", "external_id", "email", "phone", "first_name", "last_name", "birth_date",
            "gender", "city", "country", "language", "created_at",
        ]
        let mapping = try CSVHeaderMapping(header: header, fileName: "customers.csv")
        #expect(mapping.unmappedColumns.isEmpty)
        #expect(mapping.mappedFields == CanonicalField.allCases)
        #expect(mapping.column(of: .email) == 3)
        let record = CSVRecord(line: 2, fields: ["crm", "crm-1", "", "a@b.c", "", "", "", "", "", "", "RU", "", ""])
        #expect(mapping.value(of: .email, in: record) == "a@b.c")
        #expect(mapping.value(of: .externalId, in: record) == nil)
        #expect(mapping.value(of: .country, in: record) == "RU")
    }

    @Test("a Russian header maps, and unmapped columns are reported by name")
    func russianHeader() throws {
        let mapping = try CSVHeaderMapping(
            header: ["Код клиента", "Фамилия", "Имя", "Отчество", "Телефон", "Комментарий"], fileName: "клиенты.csv")
        #expect(mapping.column(of: .externalId) == 0)
        #expect(mapping.column(of: .lastName) == 1)
        #expect(mapping.column(of: .firstName) == 2)
        #expect(mapping.column(of: .phone) == 4)
        #expect(mapping.unmappedColumns == ["Отчество", "Комментарий"])
    }

    @Test("two columns for one field are an error naming both")
    func conflictingColumns() {
        let error = #expect(throws: UnificationError.self) {
            _ = try CSVHeaderMapping(header: ["email", "id", "mail"], fileName: "shop.csv")
        }
        #expect(error?.code == .conflictingColumns)
        #expect(
            error?.description
                == "shop.csv: columns \"email\" (column 1), \"mail\" (column 3) all map to email; map or ignore them in a mapping file"
        )
    }

    @Test("a mapping file overrides auto-mapping, ignores columns and reports names it could not find")
    func mappingFileOverride() throws {
        let json = """
            {"columns": {"Their Column": "email", "mail": "external_id", "KUNDEN NR": "source_record_id",
                         "Missing": "city"},
             "ignore": ["Notes", "Gone"], "description": "shop export"}
            """
        let file = try CSVMappingFile(data: Data(json.utf8), fileName: "shop-mapping.json")
        #expect(file.columns["Their Column"] == .email)
        #expect(file.ignoredColumns == ["Notes", "Gone"])
        let mapping = try CSVHeaderMapping(
            header: ["Their Column", "mail", "Kunden_Nr", "notes", "phone", "Extra"], fileName: "shop.csv",
            mappingFile: file)
        #expect(mapping.column(of: .email) == 0)
        #expect(mapping.column(of: .externalId) == 1)
        #expect(mapping.column(of: .sourceRecordId) == 2)
        #expect(mapping.column(of: .phone) == 4)
        #expect(mapping.ignoredColumns == ["notes"])
        #expect(mapping.unmappedColumns == ["Extra"])
        #expect(mapping.unusedMappingColumns == ["Missing", "Gone"])
    }

    @Test("an unknown target field is an error naming the mapping file and the JSON key")
    func unknownTarget() {
        let json = #"{"columns": {"E-Mail Adresse": "emial"}}"#
        let error = #expect(throws: UnificationError.self) {
            _ = try CSVMappingFile(data: Data(json.utf8), fileName: "mapping.json")
        }
        #expect(error?.code == .invalidMappingFile)
        #expect(error?.fileName == "mapping.json")
        #expect(error?.message.hasPrefix(#"$.columns["E-Mail Adresse"]: unknown target field "emial""#) == true)
    }

    @Test(
        "malformed mapping files are errors with a JSON path",
        arguments: [
            ("not json", "$: not valid JSON"), ("[1]", "$: expected an object"),
            (#"{"colums": {}}"#, "$.colums: unknown key (expected columns, ignore, description)"),
            (#"{"columns": []}"#, "$.columns: expected an object"),
            (#"{"columns": {"a": 1}}"#, "$.columns.a: expected a field name"),
            (#"{"ignore": "a"}"#, "$.ignore: expected an array of column names"),
            (#"{"ignore": ["a", 2]}"#, "$.ignore[1]: expected a column name"),
            (#"{"columns": {"a": "email"}, "ignore": ["a"]}"#, "$.ignore[0]: column is also mapped in $.columns"),
            (#"{"description": 3}"#, "$.description: expected a string"),
        ])
    func malformedMappingFiles(json: String, message: String) {
        let error = #expect(throws: UnificationError.self) {
            _ = try CSVMappingFile(data: Data(json.utf8), fileName: "m.json")
        }
        #expect(error?.description == "m.json: \(message)")
    }

    @Test("a mapping file is loaded from disk; a missing one is a cannotRead error")
    func loadFromDisk() throws {
        let directory = try ParsingTemporaryDirectory()
        let url = try directory.write(Array(#"{"columns": {"Handy": "phone"}}"#.utf8), to: "mapping.json")
        let file = try CSVMappingFile.load(contentsOf: url)
        #expect(file.fileName == "mapping.json")
        #expect(file.columns == ["Handy": .phone])
        let error = #expect(throws: UnificationError.self) {
            _ = try CSVMappingFile.load(contentsOf: directory.url.appendingPathComponent("absent.json"))
        }
        #expect(error?.code == .cannotRead)
    }
}
