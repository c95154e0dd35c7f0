/// What a regime requires a consent text to state, and the messages for a text that does not.
struct ConsentTextRequirement: Sendable {
    /// The article that requires the item, e.g. `152-FZ Art. 9(4)(5)`; `nil` for the format's own requirements.
    var reference: String?
    /// The item in words, e.g. `the list of personal data`.
    let item: String

    /// For a key that is absent: `missing — 152-FZ Art. 9(4)(5) requires the list of personal data`.
    var missingMessage: String { "missing — " + requirementText }

    /// For a value that is empty or blank.
    var emptyMessage: String { "empty — " + requirementText }

    /// For a value that is present but says the opposite (`"separateDocument": false`).
    var falseMessage: String { "must be true — " + requirementText }

    private var requirementText: String {
        if let reference { "\(reference) requires \(item)" } else { "a consent text needs \(item)" }
    }
}
