/// The published consent texts, looked up by id, and the check that a consent record's text covers it.
///
/// ```swift
/// let library = try ConsentTextLibrary.load(directory: folder, knownPurposes: Set(policy.consentPurposes))
/// library.validateCoverage(textID: "152fz-ru-v1", purpose: "profiling", jurisdiction: "152fz")
/// // "text 152fz-ru-v1 does not cover purpose profiling"
/// ```
public struct ConsentTextLibrary: Sendable {
    /// Every text, in the order of the file names.
    public let texts: [ConsentText]
    private let byID: [String: ConsentText]

    /// Creates a library of validated `texts` with unique ids.
    init(texts: [ConsentText]) {
        self.texts = texts
        self.byID = Dictionary(texts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The text with `id`, if the library has it.
    public func text(id: String) -> ConsentText? {
        byID[id]
    }

    /// `nil` when text `textID` exists, is written for `jurisdiction` and asks for consent to `purpose`;
    /// otherwise why a consent record pointing to it is not backed by the text.
    public func validateCoverage(textID: String, purpose: String, jurisdiction: String) -> String? {
        guard let text = byID[textID] else { return "unknown consent text version \(textID)" }
        guard text.jurisdiction == jurisdiction else {
            return "text \(textID) is for jurisdiction \(text.jurisdiction), not \(jurisdiction)"
        }
        guard text.covers(purpose: purpose) else { return "text \(textID) does not cover purpose \(purpose)" }
        return nil
    }
}
