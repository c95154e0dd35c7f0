extension Normalizer {
    /// The canonical form of a first or last name: trimmed, inner blanks collapsed to one space, NFC.
    ///
    /// Letters, apostrophes, hyphens, `ё` and diacritics are kept as written; case is kept.
    public static func name(_ text: String) throws(NormalizationError) -> String {
        if text.utf8.count > Limit.name * 16 { throw .tooLong(limit: Limit.name) }
        let trimmed = try TrimmedText(text)
        if trimmed.text.isEmpty { throw .empty }
        var value = collapsingBlanks(trimmed.text, whole: text)
        if !trimmed.isASCII { value = CanonicalComposition.composed(value) }
        var count = 0
        for _ in value.unicodeScalars {
            count += 1
            if count > Limit.name { throw .tooLong(limit: Limit.name) }
        }
        return value
    }

    /// `text` (trimmed) with every run of blanks replaced by one space; `whole` itself when nothing changes.
    private static func collapsingBlanks(_ text: Substring, whole: String) -> String {
        var needsRewrite = false
        var previousWasBlank = false
        for scalar in text.unicodeScalars {
            let blank = scalar.isBlank
            if blank && (previousWasBlank || scalar != " ") {
                needsRewrite = true
                break
            }
            previousWasBlank = blank
        }
        if !needsRewrite {
            return text.startIndex == whole.startIndex && text.endIndex == whole.endIndex ? whole : String(text)
        }
        var scalars = String.UnicodeScalarView()
        previousWasBlank = false
        for scalar in text.unicodeScalars {
            if scalar.isBlank {
                if !previousWasBlank { scalars.append(" ") }
                previousWasBlank = true
            } else {
                scalars.append(scalar)
                previousWasBlank = false
            }
        }
        return String(scalars)
    }
}
