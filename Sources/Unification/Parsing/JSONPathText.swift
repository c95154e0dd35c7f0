import Foundation

/// Spelling of JSON paths in messages: `$.columns.email`, `$.columns["Their Column"]`.
enum JSONPathText {
    /// The path of member `key` of the object at `parent`.
    static func member(_ key: String, of parent: String) -> String {
        let isIdentifier =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0))
            }
            && !("0"..."9").contains(key.unicodeScalars.first!)
        if isIdentifier { return "\(parent).\(key)" }
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\(parent)[\"\(escaped)\"]"
    }
}
