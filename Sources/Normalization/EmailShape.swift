/// The shape an e-mail address must have: one `@`, a dot-atom local part, a dotted domain of letter/digit labels.
enum EmailShape {
    /// Throws the first rule `address` (already trimmed, lower-cased and NFC) breaks.
    static func validate(_ address: String) throws(NormalizationError) {
        if address.utf8.count > Normalizer.Limit.email { throw .tooLong(limit: Normalizer.Limit.email) }
        var address = address
        let ascii: Result<Void, NormalizationError>? = address.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            do throws(NormalizationError) {
                try validateASCII(bytes)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        if let ascii { return try ascii.get() }
        try validateScalars(address)
    }

    /// `validate` on the address's Unicode scalars (any address; the ASCII path must agree with it).
    static func validateScalars(_ address: String) throws(NormalizationError) {
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

    /// `validate` for an all-ASCII address, on its bytes (scalars and bytes coincide), with the same
    /// checks in the same order.
    private static func validateASCII(_ bytes: UnsafeBufferPointer<UInt8>) throws(NormalizationError) {
        let at = UInt8(ascii: "@")
        let dot = UInt8(ascii: ".")
        let hyphen = UInt8(ascii: "-")
        var atSigns = 0
        for byte in bytes where byte == at { atSigns += 1 }
        if atSigns == 0 { throw .invalidEmail(.missingAtSign) }
        if atSigns > 1 { throw .invalidEmail(.multipleAtSigns) }
        if bytes.contains(UInt8(ascii: " ")) { throw .invalidEmail(.whitespace) }
        guard let position = bytes.firstIndex(of: at) else { throw .invalidEmail(.missingAtSign) }
        // The local part.
        let local = UnsafeBufferPointer(rebasing: bytes[..<position])
        if local.isEmpty { throw .invalidEmail(.emptyLocalPart) }
        if local.count > Normalizer.Limit.emailLocalPart { throw .invalidEmail(.localPartTooLong) }
        if local.first == dot || local.last == dot { throw .invalidEmail(.misplacedDot) }
        var previousWasDot = false
        for byte in local {
            if byte == dot {
                if previousWasDot { throw .invalidEmail(.misplacedDot) }
                previousWasDot = true
                continue
            }
            previousWasDot = false
            if !isAllowedInLocalPart(Unicode.Scalar(byte)) { throw .invalidEmail(.invalidCharacter) }
        }
        // The domain.
        let domain = UnsafeBufferPointer(rebasing: bytes[(position + 1)...])
        if domain.isEmpty { throw .invalidEmail(.emptyDomain) }
        if !domain.contains(dot) { throw .invalidEmail(.domainWithoutDot) }
        var labelBytes = 0
        var labelAllDigits = true
        var previous = dot
        for byte in domain {
            if byte == dot {
                if labelBytes == 0 || previous == hyphen { throw .invalidEmail(.invalidDomainLabel) }
                labelBytes = 0
                labelAllDigits = true
            } else {
                if byte == hyphen {
                    if labelBytes == 0 { throw .invalidEmail(.invalidDomainLabel) }
                } else if !(ASCII.isLetter(byte) || ASCII.isDigit(byte)) {
                    throw .invalidEmail(.invalidCharacter)
                }
                if byte &- 0x30 >= 10 { labelAllDigits = false }
                labelBytes += 1
                if labelBytes > 63 { throw .invalidEmail(.invalidDomainLabel) }
            }
            previous = byte
        }
        if labelBytes == 0 || previous == hyphen || labelAllDigits { throw .invalidEmail(.invalidDomainLabel) }
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
