extension Normalizer {
    /// The E.164 form (`+<country code><national number>`) of a phone number.
    ///
    /// Numbers with `+` or `00` are read internationally; others as national numbers of `defaultRegion`
    /// (ISO 3166-1 alpha-2, e.g. the row's country). Placeholders such as repeated digits are rejected.
    public static func phone(_ text: String, defaultRegion: String?) throws(NormalizationError) -> String {
        let written = try PhoneText(text)
        let digits = written.digits[...]
        if written.hasPlus { return try PhoneNumbers.e164(international: digits) }
        if digits.starts(with: [0, 0]) { return try PhoneNumbers.e164(international: digits.dropFirst(2)) }
        guard let defaultRegion else { throw .invalidPhone(.missingCountryCode) }
        guard let region = NumberingPlans.region(defaultRegion) else { throw .invalidPhone(.unsupportedRegion) }
        return try region.e164(national: digits)
    }
}
