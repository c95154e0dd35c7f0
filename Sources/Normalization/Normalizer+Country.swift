extension Normalizer {
    /// The ISO 3166-1 alpha-2 code (upper case) of a country written as an alpha-2 or alpha-3 code or as a name.
    ///
    /// Names are matched in English (ISO short and official names) and Russian for every country, and in the
    /// languages of the data set for its countries; case, diacritics and punctuation are ignored. `UK` means `GB`.
    public static func country(_ text: String) throws(NormalizationError) -> String {
        if text.utf8.count > Limit.country * 16 { throw .tooLong(limit: Limit.country) }
        let trimmed = try TrimmedText(text)
        if trimmed.text.isEmpty { throw .empty }
        if trimmed.text.unicodeScalars.count > Limit.country { throw .tooLong(limit: Limit.country) }
        let letters = trimmed.text.utf8
        if trimmed.isASCII, letters.allSatisfy(ASCII.isLetter) {
            let code = ASCII.uppercased(trimmed.text)
            if letters.count == 2 {
                if CountryTable.alpha2.contains(code) { return code }
                if code == "UK" { return "GB" }
            }
            if letters.count == 3, let alpha2 = CountryTable.byAlpha3[code] { return alpha2 }
        }
        if let alpha2 = CountryTable.byName[CountryNameKey.fold(trimmed.text)] { return alpha2 }
        throw .unknownCountry
    }
}
