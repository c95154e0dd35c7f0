import Foundation

/// The folded form country names are compared in: no diacritics, lower case, punctuation dropped or made a space.
enum CountryNameKey {
    /// `name` decomposed, without marks, apostrophes and dots, lower-cased, other non-alphanumerics as single spaces.
    /// (Scripts/make_tables.py folds the same way to check the table has no collisions.)
    static func fold(_ name: some StringProtocol) -> String {
        var key = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in String(name).decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                if scalar == "\u{2BC}" { continue }  // modifier letter apostrophe
                if pendingSpace && !key.isEmpty { key.append(" ") }
                pendingSpace = false
                key.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            default:
                if scalar == "'" || scalar == "\u{2019}" || scalar == "." { continue }
                pendingSpace = true
            }
        }
        return String(key)
    }
}
