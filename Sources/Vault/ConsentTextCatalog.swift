/// The consent text versions a ledger record may point to (implemented by the policy's
/// `ConsentTextLibrary`, loaded from `Policies/consent-texts/`).
public protocol ConsentTextCatalog: Sendable {
    /// Nil when text `textID` exists and covers `purpose` in `jurisdiction`; otherwise why not.
    func coverageProblem(textID: String, purpose: String, jurisdiction: String) -> String?
    /// The exact bytes of the text document (hashed into each record), or nil when unknown.
    func documentBytes(textID: String) -> [UInt8]?
}
