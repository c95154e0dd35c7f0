public import Foundation

extension AccessPolicy {
    /// Loads and validates the policy file at `url`.
    /// - Throws: `PolicyError` listing every problem, each with the file name and a JSON path.
    public static func load(contentsOf url: URL) throws(PolicyError) -> AccessPolicy {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            let message = exists ? "cannot read the policy file" : "the policy file does not exist"
            let issue = PolicyIssue(code: .unreadableFile, path: "$", message: message)
            throw PolicyError(fileName: url.lastPathComponent, issues: [issue])
        }
        return try load(data: data, fileName: url.lastPathComponent)
    }

    /// Loads and validates policy JSON held in memory; `fileName` names it in errors.
    /// - Throws: `PolicyError` listing every problem, each with `fileName` and a JSON path.
    public static func load(data: Data, fileName: String) throws(PolicyError) -> AccessPolicy {
        try PolicyLoader.load(data: data, fileName: fileName)
    }
}
