/// The digits of a phone number as written, and whether it started with `+`.
struct PhoneText {
    /// The digits, each 0–9, in order; at most `maximumDigits` are kept.
    private(set) var digits: [UInt8] = []
    /// Whether a `+` preceded the digits.
    private(set) var hasPlus = false
    /// How many digits were written (can exceed `digits.count`).
    private(set) var digitCount = 0

    /// More digits than any number can have, even with an international prefix in front.
    static let maximumDigits = 20

    /// Reads `text`: digits, one leading `+`, blanks, dashes, dots, slashes and one level of parentheses.
    /// Throws `.empty` for blanks only, `.controlCharacter` before any other problem, `.tooLong` past 64 scalars.
    init(_ text: String) throws(NormalizationError) {
        digits.reserveCapacity(16)
        var problem: NormalizationError.PhoneProblem?
        var depth = 0
        var scalarCount = 0
        var blanksOnly = true
        for scalar in text.unicodeScalars {
            scalarCount += 1
            if scalar.isForbiddenControl { throw .controlCharacter }
            if blanksOnly && !scalar.isBlank { blanksOnly = false }
            if problem != nil { continue }
            let value = scalar.value
            if value &- 0x30 < 10 {
                digitCount += 1
                if digits.count < Self.maximumDigits { digits.append(UInt8(value - 0x30)) }
                continue
            }
            switch value {
            case 0x2B:  // +
                if hasPlus || digitCount > 0 { problem = .misplacedPlus }
                hasPlus = true
            case 0x28:  // (
                if depth > 0 { problem = .unbalancedParentheses }
                depth = 1
            case 0x29:  // )
                if depth == 0 { problem = .unbalancedParentheses }
                depth = 0
            case 0x2D, 0x2E, 0x2F, 0x2010...0x2015, 0x2212:  // - . / and Unicode dashes, minus
                break
            default:
                if !scalar.isBlank { problem = .invalidCharacter }
            }
        }
        if blanksOnly { throw .empty }
        if scalarCount > Normalizer.Limit.phone { throw .tooLong(limit: Normalizer.Limit.phone) }
        if let problem { throw .invalidPhone(problem) }
        if depth != 0 { throw .invalidPhone(.unbalancedParentheses) }
        if digitCount == 0 { throw .invalidPhone(.noDigits) }
        if digitCount > Self.maximumDigits { throw .invalidPhone(.tooManyDigits) }
    }
}
