/// The ISO 3166-1 table: officially assigned alpha-2 codes, their alpha-3 codes and names.
enum CountryTable {
    /// The officially assigned alpha-2 codes.
    static let alpha2: Set<String> = Set(records.map(\.alpha2))

    /// Alpha-2 by alpha-3 code.
    static let byAlpha3: [String: String] = Dictionary(uniqueKeysWithValues: records.map { ($0.alpha3, $0.alpha2) })

    /// Alpha-2 by folded name (`CountryNameKey.fold`).
    static let byName: [String: String] = {
        var names: [String: String] = [:]
        for record in records {
            for name in record.names { names[CountryNameKey.fold(name)] = record.alpha2 }
        }
        return names
    }()

    /// The parsed records of `CountryTableData`, split on bytes (splitting the text by
    /// `Character` would find grapheme boundaries in all 25 KB first).
    private static let records: [(alpha2: String, alpha3: String, names: [Substring])] =
        CountryTableData.records.utf8.split(separator: UInt8(ascii: "\n")).map { line in
            let fields = line.split(separator: UInt8(ascii: "|")).map { Substring($0) }
            return (String(fields[0]), String(fields[1]), Array(fields.dropFirst(2)))
        }
}
