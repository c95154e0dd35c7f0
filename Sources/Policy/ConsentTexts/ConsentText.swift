/// One published version of a consent text: the document a data subject agreed to, with its structured items.
///
/// A consent record points to a text by `id`; the vault hashes `documentBytes` to bind the record to the exact
/// document. Instances come only from `ConsentTextLibrary.load`, so every text is validated for its regime.
public struct ConsentText: Sendable, Hashable {
    /// The identifier used by consent records, `<jurisdiction>-<language>-v<version>`, e.g. `152fz-ru-v2`.
    public let id: String
    /// The version number (1, 2, ...), equal to the `-v<version>` suffix of `id`.
    public let version: Int
    /// The regime the text is written for: `152fz`, `gdpr` or another regime name.
    public let jurisdiction: String
    /// The ISO 639-1 language of `title` and `body`.
    public let language: String
    /// The consent purposes the text asks for, in document order (`marketing.email`, `profiling`, ...).
    public let purposes: [String]
    /// The title, in `language`.
    public let title: String
    /// The document text shown to the data subject, in `language`.
    public let body: String
    /// The operator receiving the consent (152-FZ Art. 9(4)(3)); `nil` when the text does not give one.
    public let dataOperator: DataOperator?
    /// The controller (GDPR): the `controller` object, or the operator when the text gives only that.
    public let controller: DataOperator?
    /// The personal data the consent covers (152-FZ Art. 9(4)(5)), preferably policy field names.
    public let dataCategories: [String]
    /// The actions with the data (152-FZ Art. 3(3) and 9(4)(7)): `collection`, `recording`, `storage`, ...
    public let actions: [String]
    /// The methods of processing (152-FZ Art. 9(4)(7)): `automated`, `non-automated` or `mixed`.
    public let processingMethods: [String]
    /// Persons processing the data on the operator's behalf (152-FZ Art. 9(4)(6)); empty when there is none.
    public let thirdParties: [ConsentThirdParty]
    /// The term of validity of the consent (152-FZ Art. 9(4)(8)), in words; `nil` when absent.
    public let validity: String?
    /// How to withdraw the consent (152-FZ Art. 9(4)(8)), in words; `nil` when absent.
    public let withdrawal: String?
    /// Whether the consent is a separate document, not part of another agreement (152-FZ Art. 9(1), 2025).
    public let separateDocument: Bool
    /// The statement of the right to withdraw at any time (GDPR Art. 7(3)); `nil` when absent.
    public let rightToWithdraw: String?
    /// The exact bytes of the file the text was loaded from.
    public let documentBytes: [UInt8]

    /// Whether the text asks for consent to `purpose`.
    public func covers(purpose: String) -> Bool {
        purposes.contains(purpose)
    }
}
