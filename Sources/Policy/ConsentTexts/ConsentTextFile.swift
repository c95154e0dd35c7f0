/// The outcome of reading one consent text file: the text when it is valid, and every problem found.
struct ConsentTextFile: Sendable {
    /// The file name, e.g. `152fz-ru-v1.json`.
    let name: String
    /// The validated text; `nil` when the file has problems.
    let text: ConsentText?
    /// The id the file declares, when readable, and the line it is on (for duplicate detection).
    let declaredID: (value: String, line: Int)?
    /// The problems found, in document order.
    var issues: [PolicyIssue]
}
