extension NormalizationError {
    /// The e-mail shape rule an address breaks.
    public enum EmailProblem: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
        /// There is no `@`.
        case missingAtSign
        /// There is more than one `@`.
        case multipleAtSigns
        /// Nothing stands before the `@`.
        case emptyLocalPart
        /// The part before the `@` is longer than 64 UTF-8 bytes.
        case localPartTooLong
        /// The part before the `@` starts or ends with a dot, or has two dots in a row.
        case misplacedDot
        /// Nothing stands after the `@`.
        case emptyDomain
        /// The domain has no dot.
        case domainWithoutDot
        /// A domain label is empty, longer than 63 bytes, starts or ends with a hyphen, or the top-level one is numeric.
        case invalidDomainLabel
        /// The address contains whitespace.
        case whitespace
        /// The address contains a character that is not allowed where it stands.
        case invalidCharacter

        /// A short phrase naming the problem.
        public var description: String {
            switch self {
            case .missingAtSign: "no @ sign"
            case .multipleAtSigns: "more than one @ sign"
            case .emptyLocalPart: "nothing before the @ sign"
            case .localPartTooLong: "local part longer than 64 bytes"
            case .misplacedDot: "leading, trailing or repeated dot in the local part"
            case .emptyDomain: "nothing after the @ sign"
            case .domainWithoutDot: "domain without a dot"
            case .invalidDomainLabel: "malformed domain label"
            case .whitespace: "contains whitespace"
            case .invalidCharacter: "contains a character not allowed in an address"
            }
        }
    }
}
