/// Why a value could not be normalised. It names the rule broken, never the value: inputs are personal data.
public enum NormalizationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing is left after trimming whitespace.
    case empty
    /// The value contains a control character (C0, DEL, C1, line/paragraph separator or bidi control).
    case controlCharacter
    /// The value is longer than `limit` (see `Normalizer.Limit` for the unit of each field).
    case tooLong(limit: Int)
    /// The value is not a usable e-mail address.
    case invalidEmail(EmailProblem)
    /// The value is not a valid, plausible phone number.
    case invalidPhone(PhoneProblem)
    /// The value is not a valid, plausible date of birth.
    case invalidDate(DateProblem)
    /// The value names no ISO 3166-1 country known to the rules.
    case unknownCountry

    /// A sentence naming the broken rule; it never contains the input.
    public var description: String {
        switch self {
        case .empty: "value is empty"
        case .controlCharacter: "value contains a control character"
        case .tooLong(let limit): "value is longer than its limit of \(limit)"
        case .invalidEmail(let problem): "invalid e-mail address: \(problem.description)"
        case .invalidPhone(let problem): "invalid phone number: \(problem.description)"
        case .invalidDate(let problem): "invalid date: \(problem.description)"
        case .unknownCountry: "unknown country: not an ISO 3166-1 code or a known country name"
        }
    }
}
