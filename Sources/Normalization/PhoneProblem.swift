extension NormalizationError {
    /// The phone number rule a value breaks.
    public enum PhoneProblem: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
        /// The value holds no digit.
        case noDigits
        /// The value holds a letter or a symbol other than digits, `+`, spaces, dashes, dots, slashes and parentheses.
        case invalidCharacter
        /// A `+` stands after a digit, or there is more than one.
        case misplacedPlus
        /// Parentheses are unbalanced or nested.
        case unbalancedParentheses
        /// A national number was given without a default region to read it in.
        case missingCountryCode
        /// The default region has no numbering plan in these rules.
        case unsupportedRegion
        /// The digits after `+` or `00` start with no assigned country calling code.
        case unknownCountryCode
        /// A national number of a country whose national numbers vary in length lacks its trunk prefix.
        case missingTrunkPrefix
        /// Fewer digits than the country's shortest number.
        case tooFewDigits
        /// More digits than the country's longest number (or than E.164's 15).
        case tooManyDigits
        /// The national number starts with a digit no number of the country starts with.
        case invalidLeadingDigit
        /// The number is a placeholder: one digit repeated, or a run such as 1234567890.
        case implausible

        /// A short phrase naming the problem.
        public var description: String {
            switch self {
            case .noDigits: "no digits"
            case .invalidCharacter: "contains a character that is not a digit or a separator"
            case .misplacedPlus: "misplaced or repeated +"
            case .unbalancedParentheses: "unbalanced or nested parentheses"
            case .missingCountryCode: "national number without a country code or default region"
            case .unsupportedRegion: "national number in a region without a numbering plan"
            case .unknownCountryCode: "unassigned country calling code"
            case .missingTrunkPrefix: "national number without its trunk prefix"
            case .tooFewDigits: "too few digits for the country"
            case .tooManyDigits: "too many digits for the country"
            case .invalidLeadingDigit: "national number starts with an impossible digit"
            case .implausible: "placeholder number (repeated or sequential digits)"
            }
        }
    }
}
