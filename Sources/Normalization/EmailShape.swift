/// The shape an e-mail address must have: one `@`, a dot-atom local part, a dotted domain of letter/digit labels.
enum EmailShape {
    /// Throws the first rule `address` (already trimmed, lower-cased and NFC) breaks.
    static func validate(_ address: String) throws(NormalizationError) {
        if address.utf8.count > Normalizer.Limit.email { throw .tooLong(limit: Normalizer.Limit.email) }
        var atSigns = 0
        for byte in address.utf8 where byte == 0x40 { atSigns += 1 }
        if atSigns == 0 { throw .invalidEmail(.missingAtSign) }
        if atSigns > 1 { throw .invalidEmail(.multipleAtSigns) }
        let scalars = address.unicodeScalars
        if scalars.contains(where: \.isBlank) { throw .invalidEmail(.whitespace) }
        guard let at = scalars.firstIndex(of: "@") else { throw .invalidEmail(.missingAtSign) }
        try validateLocalPart(scalars[..<at])
        try validateDomain(scalars[scalars.index(after: at)...])
    }

    /// Checks the part before the `@`.
    private static func validateLocalPart(_ local: Substring.UnicodeScalarView) throws(NormalizationError) {
        if local.isEmpty { throw .invalidEmail(.emptyLocalPart) }
        if Substring(local).utf8.count > Normalizer.Limit.emailLocalPart { throw .invalidEmail(.localPartTooLong) }
        if local.first == "." || local.last == "." { throw .invalidEmail(.misplacedDot) }
        var previousWasDot = false
        for scalar in local {
            if scalar == "." {
                if previousWasDot { throw .invalidEmail(.misplacedDot) }
                previousWasDot = true
                continue
            }
            previousWasDot = false
            if !isAllowedInLocalPart(scalar) { throw .invalidEmail(.invalidCharacter) }
        }
    }

    /// Checks the part after the `@`.
    private static func validateDomain(_ domain: Substring.UnicodeScalarView) throws(NormalizationError) {
        if domain.isEmpty { throw .invalidEmail(.emptyDomain) }
        if !domain.contains(".") { throw .invalidEmail(.domainWithoutDot) }
        var labelBytes = 0
        var labelAllDigits = true
        var previous: Unicode.Scalar = "."
        for scalar in domain {
            if scalar == "." {
                if labelBytes == 0 || previous == "-" { throw .invalidEmail(.invalidDomainLabel) }
                labelBytes = 0
                labelAllDigits = true
            } else {
                if scalar == "-" {
                    if labelBytes == 0 { throw .invalidEmail(.invalidDomainLabel) }
                } else if !isLetterOrDigit(scalar) {
                    throw .invalidEmail(.invalidCharacter)
                }
                if scalar.value &- 0x30 >= 10 { labelAllDigits = false }
                labelBytes += UTF8.width(scalar)
                if labelBytes > 63 { throw .invalidEmail(.invalidDomainLabel) }
            }
            previous = scalar
        }
        if labelBytes == 0 || previous == "-" || labelAllDigits { throw .invalidEmail(.invalidDomainLabel) }
    }

    /// RFC 5322 `atext` (letters, digits and ``!#$%&'*+-/=?^_`{|}~``) or a non-ASCII letter, mark or digit.
    private static func isAllowedInLocalPart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let byte = UInt8(scalar.value)
            if ASCII.isLetter(byte) || ASCII.isDigit(byte) { return true }
            switch byte {
            case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
                UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"),
                UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"),
                UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"):
                return true
            default:
                return false
            }
        }
        return isLetterOrDigit(scalar)
    }

    /// An ASCII letter or digit, or a non-ASCII letter, combining mark or decimal digit.
    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let byte = UInt8(scalar.value)
            return ASCII.isLetter(byte) || ASCII.isDigit(byte)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }
}
