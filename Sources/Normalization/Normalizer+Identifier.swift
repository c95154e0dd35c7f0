extension Normalizer {
    /// The canonical form of a source system's customer id: trimmed, otherwise kept byte for byte.
    public static func externalID(_ text: String) throws(NormalizationError) -> String {
        try opaqueIdentifier(text)
    }

    /// The canonical form of an anonymous (device or browser) id: trimmed, otherwise kept byte for byte.
    public static func anonymousID(_ text: String) throws(NormalizationError) -> String {
        try opaqueIdentifier(text)
    }

    /// An opaque id: blanks trimmed from both ends; no case folding, no Unicode normalisation.
    static func opaqueIdentifier(_ text: String) throws(NormalizationError) -> String {
        if text.utf8.count > Limit.identifier * 16 { throw .tooLong(limit: Limit.identifier) }
        let trimmed = try TrimmedText(text)
        if trimmed.text.isEmpty { throw .empty }
        let count = trimmed.isASCII ? trimmed.text.utf8.count : trimmed.text.unicodeScalars.count
        if count > Limit.identifier { throw .tooLong(limit: Limit.identifier) }
        let value = trimmed.text
        return value.startIndex == text.startIndex && value.endIndex == text.endIndex ? text : String(value)
    }
}
