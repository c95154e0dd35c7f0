/// One problem found while loading a policy: where it is (JSON path and line) and what is wrong.
///
/// Messages name keys, fields, purposes and actors of the policy — never a personal value.
public struct PolicyIssue: Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem, stable enough for tools and tests to match on.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The file could not be read.
        case unreadableFile
        /// The document is not valid JSON.
        case syntax
        /// A key appears twice in the same object.
        case duplicateKey
        /// A value has the wrong JSON type.
        case wrongType
        /// A required key is absent.
        case missingKey
        /// A key that the format does not define (often a typo).
        case unknownKey
        /// A value is of the right type but out of range or malformed.
        case invalidValue
        /// A retention, deadline or age is negative.
        case negativeValue
        /// A name is listed twice where names must be unique.
        case duplicateName
        /// A field name that `fields` does not define.
        case unknownField
        /// A purpose name that `purposes` does not define.
        case unknownPurpose
        /// A field class other than the six known classes.
        case unknownClass
        /// A lawful basis other than the six of GDPR Art. 6(1).
        case unknownBasis
        /// A consent purpose that `consentPurposes` does not list.
        case unknownConsentPurpose
        /// A regime name that `regimes` does not define.
        case unknownRegime
        /// A purpose without a lawful basis.
        case missingBasis
        /// A consent-based purpose without `consentPurpose`.
        case missingConsentPurpose
        /// A special-category field granted for a purpose that has neither explicit consent nor a stated condition.
        case specialCategoryWithoutExplicitConsent
    }

    /// The kind of problem.
    public let code: Code
    /// Where the problem is, as a JSON path such as `$.actors.marketer.grants[1].fields[2]`.
    public let path: String
    /// What is wrong, in words.
    public let message: String
    /// The 1-based line of the offending value, when known.
    public let line: Int?

    /// Creates an issue.
    public init(code: Code, path: String, message: String, line: Int? = nil) {
        self.code = code
        self.path = path
        self.message = message
        self.line = line
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}

extension [PolicyIssue] {
    /// The issues in line order (issues without a line last), keeping the order of equal lines.
    func inLineOrder() -> [PolicyIssue] {
        enumerated().sorted { left, right in
            (left.element.line ?? Int.max, left.offset) < (right.element.line ?? Int.max, right.offset)
        }.map(\.element)
    }
}

extension JSONParser.SyntaxError {
    /// The issue a loader reports for a file that is not valid JSON.
    var issue: PolicyIssue {
        PolicyIssue(
            code: .syntax, path: path.description,
            message: "invalid JSON at line \(line), column \(column): \(message)", line: line)
    }
}
