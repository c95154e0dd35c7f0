import Foundation

/// A minimal RFC 4180 reader for tests: quoted fields, doubled quotes, CRLF or LF, an optional leading BOM.
enum CSVReader {
    /// The records of `text` as arrays of fields (a trailing line end does not start a record).
    static func records(_ text: String) -> [[String]] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var fieldStarted = false
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.endIndex && scalars[index] == "\"" {
                        field.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                fieldStarted = true
            case ",":
                record.append(String(field))
                field = String.UnicodeScalarView()
                fieldStarted = true
            case "\r" where index < scalars.endIndex && scalars[index] == "\n":
                break
            case "\n":
                record.append(String(field))
                records.append(record)
                record = []
                field = String.UnicodeScalarView()
                fieldStarted = false
            default:
                field.append(scalar)
                fieldStarted = true
            }
        }
        if fieldStarted || !field.isEmpty || !record.isEmpty {
            record.append(String(field))
            records.append(record)
        }
        return records
    }

    /// The records of the file at `url` as dictionaries keyed by the header, plus the header itself.
    static func table(at url: URL) throws -> (header: [String], rows: [[String: String]]) {
        let all = records(try String(contentsOf: url, encoding: .utf8))
        guard let header = all.first else { return ([], []) }
        let rows = all.dropFirst().map { fields in
            Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
        return (header, Array(rows))
    }
}
