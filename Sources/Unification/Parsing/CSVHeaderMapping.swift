/// Which column of a CSV file holds which canonical field: an explicit `CSVMappingFile` first, then
/// automatic recognition of common names (`CSVColumnName`). Columns that map to nothing are listed
/// by name in `unmappedColumns`; two columns mapping to the same field are an error.
struct CSVHeaderMapping: Sendable {
    /// The header's column names.
    let header: [String]
    /// Column index of each field by `CanonicalField.ordinal` (-1: none).
    private let columnOfField: [Int]
    /// Names of the columns mapped to no field (and not ignored), in header order.
    let unmappedColumns: [String]
    /// Names of the columns the mapping file says to ignore, in header order.
    let ignoredColumns: [String]
    /// Column names of the mapping file (in `columns` or `ignore`) that match no header column.
    let unusedMappingColumns: [String]

    /// Maps `header` of the CSV file `fileName`, applying `mappingFile` when given.
    init(header: [String], fileName: String, mappingFile: CSVMappingFile? = nil) throws(UnificationError) {
        let keys = header.map(CSVColumnName.key)
        var explicit: [Int: CanonicalField] = [:]
        var ignored = Set<Int>()
        var unused: [String] = []
        if let mappingFile {
            for (column, field) in mappingFile.columns.sorted(by: { $0.key < $1.key }) {
                let matches = Self.columns(matching: column, header: header, keys: keys)
                if matches.isEmpty { unused.append(column) }
                for index in matches { explicit[index] = field }
            }
            for column in mappingFile.ignoredColumns {
                let matches = Self.columns(matching: column, header: header, keys: keys)
                if matches.isEmpty { unused.append(column) }
                ignored.formUnion(matches)
            }
        }
        var columnsOfField: [CanonicalField: [Int]] = [:]
        var unmapped: [String] = []
        for (index, name) in header.enumerated() where !ignored.contains(index) {
            if let field = explicit[index] ?? CSVColumnName.field(for: name) {
                columnsOfField[field, default: []].append(index)
            } else {
                unmapped.append(name)
            }
        }
        for field in CanonicalField.allCases {
            guard let indexes = columnsOfField[field], indexes.count > 1 else { continue }
            let names = indexes.map { "\"\(header[$0])\" (column \($0 + 1))" }.joined(separator: ", ")
            throw UnificationError(
                .conflictingColumns, fileName: fileName,
                "columns \(names) all map to \(field.rawValue); map or ignore them in a mapping file")
        }
        self.header = header
        self.columnOfField = CanonicalField.allCases.map { columnsOfField[$0]?[0] ?? -1 }
        self.unmappedColumns = unmapped
        self.ignoredColumns = ignored.sorted().map { header[$0] }
        self.unusedMappingColumns = unused
    }

    /// The index of the column holding `field`, if one does.
    func column(of field: CanonicalField) -> Int? {
        let index = columnOfField[field.ordinal]
        return index < 0 ? nil : index
    }

    /// The fields mapped, in `CanonicalField` order.
    var mappedFields: [CanonicalField] {
        CanonicalField.allCases.filter { columnOfField[$0.ordinal] >= 0 }
    }

    /// The value of `field` in `record`; nil when no column holds it or the field is empty.
    func value(of field: CanonicalField, in record: CSVRecord) -> String? {
        let index = columnOfField[field.ordinal]
        guard index >= 0, index < record.count, !record.isEmpty(at: index) else { return nil }
        return record[index]
    }

    /// Calls `body` with the UTF-8 bytes of `field` in `record`, without making a string; nil when
    /// no column holds it or the field is empty.
    func withValue<Result>(
        of field: CanonicalField, in record: CSVRecord, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result? {
        let index = columnOfField[field.ordinal]
        guard index >= 0, index < record.count else { return nil }
        return try record.withUTF8(at: index) { bytes in bytes.isEmpty ? nil : try body(bytes) }
    }

    /// Header columns a mapping-file column name designates: exact matches, else matches by key.
    private static func columns(matching name: String, header: [String], keys: [String]) -> [Int] {
        let exact = header.indices.filter { header[$0] == name }
        if !exact.isEmpty { return exact }
        let key = CSVColumnName.key(name)
        return keys.indices.filter { keys[$0] == key }
    }
}
