extension Normalizer {
    /// The canonical form of an e-mail address: trimmed, lower-cased, NFC, and checked for a plausible shape.
    ///
    /// Internationalised addresses (Unicode letters in the local part or the domain) are accepted as written;
    /// no provider-specific rewriting (dots, `+tags`) and no punycode conversion is done.
    public static func email(_ text: String) throws(NormalizationError) -> String {
        if text.utf8.count > Limit.email * 8 { throw .tooLong(limit: Limit.email) }
        let trimmed = try TrimmedText(text)
        if trimmed.text.isEmpty { throw .empty }
        let address: String
        if trimmed.isASCII {
            address = ASCII.lowercased(trimmed.text, whole: text)
        } else {
            address = CanonicalComposition.composed(String(trimmed.text).lowercased())
        }
        try EmailShape.validate(address)
        return address
    }
}
