public import Foundation

/// An explicit column mapping for a CSV file, overriding automatic recognition:
///
///     {"columns": {"Their Column": "email", "Kundennummer": "external_id"}, "ignore": ["notes"],
///      "description": "optional free text"}
///
/// Targets are `CanonicalField` names. Column names match a header column exactly, or else
/// case-insensitively ignoring spaces, underscores and hyphens. Unknown keys, non-string values and
/// unknown targets are errors naming the file and the JSON path.
public struct CSVMappingFile: Sendable, Equatable {
    /// The mapping file's name (its last path component), for messages.
    public let fileName: String
    /// Column name → target field.
    public let columns: [String: CanonicalField]
    /// Columns to leave out of the import (not reported as unmapped).
    public let ignoredColumns: [String]

    /// Loads and validates the mapping file at `url`.
    public static func load(contentsOf url: URL) throws(UnificationError) -> CSVMappingFile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw UnificationError(.cannotRead, fileName: url.lastPathComponent, "cannot read the mapping file")
        }
        return try CSVMappingFile(data: data, fileName: url.lastPathComponent)
    }

    /// Parses and validates mapping JSON read from a file named `fileName`.
    init(data: Data, fileName: String) throws(UnificationError) {
        func invalid(_ path: String, _ message: String) -> UnificationError {
            UnificationError(.invalidMappingFile, fileName: fileName, "\(path): \(message)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            throw invalid("$", "not valid JSON")
        }
        guard let root = object as? [String: Any] else { throw invalid("$", "expected an object") }
        for key in root.keys.sorted() where !["columns", "ignore", "description"].contains(key) {
            throw invalid(JSONPathText.member(key, of: "$"), "unknown key (expected columns, ignore, description)")
        }
        if let description = root["description"], !(description is String) {
            throw invalid("$.description", "expected a string")
        }
        var columns: [String: CanonicalField] = [:]
        if let value = root["columns"] {
            guard let entries = value as? [String: Any] else { throw invalid("$.columns", "expected an object") }
            for column in entries.keys.sorted() {
                let path = JSONPathText.member(column, of: "$.columns")
                guard let target = entries[column] as? String else { throw invalid(path, "expected a field name") }
                guard let field = CanonicalField(rawValue: target) else {
                    let known = CanonicalField.allCases.map(\.rawValue).joined(separator: ", ")
                    throw invalid(path, "unknown target field \"\(target)\" (known: \(known))")
                }
                columns[column] = field
            }
        }
        var ignored: [String] = []
        if let value = root["ignore"] {
            guard let entries = value as? [Any] else { throw invalid("$.ignore", "expected an array of column names") }
            for (index, entry) in entries.enumerated() {
                guard let column = entry as? String else {
                    throw invalid("$.ignore[\(index)]", "expected a column name")
                }
                if columns[column] != nil {
                    throw invalid("$.ignore[\(index)]", "column is also mapped in $.columns")
                }
                if !ignored.contains(column) { ignored.append(column) }
            }
        }
        self.fileName = fileName
        self.columns = columns
        self.ignoredColumns = ignored
    }
}
