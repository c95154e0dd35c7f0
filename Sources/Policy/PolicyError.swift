/// The error of the `Policy` module: a policy file that cannot be used, with every problem found in it.
///
/// The description lists one issue per line as `file: JSON path: message`, for example
/// `default.json: $.actors.marketer.grants[1].fields[2]: unknown field "foo"`.
public struct PolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name of the policy file (its last path component).
    public let fileName: String
    /// Every problem found, in document order; never empty.
    public let issues: [PolicyIssue]

    /// Creates an error for `fileName` with `issues`.
    public init(fileName: String, issues: [PolicyIssue]) {
        self.fileName = fileName
        self.issues = issues
    }

    /// The issues with the given code.
    public func issues(withCode code: PolicyIssue.Code) -> [PolicyIssue] {
        issues.filter { $0.code == code }
    }

    /// One line per issue: `file: path: message`.
    public var description: String {
        issues.map { "\(fileName): \($0.path): \($0.message)" }.joined(separator: "\n")
    }
}
