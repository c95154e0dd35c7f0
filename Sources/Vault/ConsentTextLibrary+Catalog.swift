public import Policy

/// The policy's consent-text library is the vault's catalog of consent texts.
extension ConsentTextLibrary: ConsentTextCatalog {
    public func coverageProblem(textID: String, purpose: String, jurisdiction: String) -> String? {
        validateCoverage(textID: textID, purpose: purpose, jurisdiction: jurisdiction)
    }

    public func documentBytes(textID: String) -> [UInt8]? { text(id: textID)?.documentBytes }
}
