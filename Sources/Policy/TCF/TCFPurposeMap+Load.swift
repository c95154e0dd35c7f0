public import Foundation

extension TCFPurposeMap {
    /// Loads and validates the purpose map file at `url`.
    /// - Parameter knownPurposes: the Tresor consent purposes a TCF purpose may map to (the policy's
    ///   `consentPurposes`).
    /// - Throws: `PolicyError` listing every problem, each with the file name and a JSON path such as
    ///   `tcf-purposes.json: $.purposes["12"]: TCF purpose id must be a whole number from 1 to 11`.
    public static func load(contentsOf url: URL, knownPurposes: Set<String>) throws(PolicyError) -> TCFPurposeMap {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            let message = exists ? "cannot read the TCF purpose map" : "the TCF purpose map does not exist"
            let issue = PolicyIssue(code: .unreadableFile, path: "$", message: message)
            throw PolicyError(fileName: url.lastPathComponent, issues: [issue])
        }
        return try load(data: data, fileName: url.lastPathComponent, knownPurposes: knownPurposes)
    }

    /// Loads and validates purpose map JSON held in memory; `fileName` names it in errors.
    /// - Throws: `PolicyError` listing every problem, each with `fileName` and a JSON path.
    public static func load(
        data: Data, fileName: String, knownPurposes: Set<String>
    ) throws(PolicyError) -> TCFPurposeMap {
        try TCFPurposeMapLoader.load(data: data, fileName: fileName, knownPurposes: knownPurposes)
    }
}
