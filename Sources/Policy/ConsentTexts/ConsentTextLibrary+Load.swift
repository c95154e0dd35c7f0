public import Foundation

extension ConsentTextLibrary {
    /// The name errors use for a library loaded from memory when problems span several files.
    public static let defaultCollectionName = "consent-texts"

    /// Loads every `*.json` file of `directory`, in file name order, and validates each text.
    /// - Parameter knownPurposes: the consent purposes a text may ask for (the policy's `consentPurposes`);
    ///   `nil` skips that check.
    /// - Throws: `PolicyError` with every problem; see `load(files:knownPurposes:)` for its shape.
    public static func load(directory: URL, knownPurposes: Set<String>? = nil) throws(PolicyError)
        -> ConsentTextLibrary
    {
        let folderName = directory.lastPathComponent
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            let issue = PolicyIssue(code: .unreadableFile, path: "$", message: "cannot read the consent text folder")
            throw PolicyError(fileName: folderName, issues: [issue])
        }
        let jsonNames = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        guard !jsonNames.isEmpty else {
            let issue = PolicyIssue(
                code: .unreadableFile, path: "$", message: "the folder contains no consent texts (*.json files)")
            throw PolicyError(fileName: folderName, issues: [issue])
        }
        var results: [ConsentTextFile] = []
        for name in jsonNames {
            do {
                let data = try Data(contentsOf: directory.appendingPathComponent(name))
                results.append(ConsentTextLoader.load(fileName: name, data: data, knownPurposes: knownPurposes))
            } catch {
                let issue = PolicyIssue(code: .unreadableFile, path: "$", message: "cannot read the consent text file")
                results.append(ConsentTextFile(name: name, text: nil, declaredID: nil, issues: [issue]))
            }
        }
        return try library(from: results, collectionName: folderName)
    }

    /// Loads consent texts held in memory, in the given order, and validates each one.
    ///
    /// When every problem is in one file, the error names that file: `152fz-ru-v1.json: $.operator.address:
    /// missing — 152-FZ Art. 9(4)(3) requires the operator's name and address`. When several files have
    /// problems, the error is named `collectionName` and each issue's path starts with its file name:
    /// `consent-texts: 152fz-ru-v1.json: $.operator.address: missing — ...`.
    /// - Parameter knownPurposes: the consent purposes a text may ask for; `nil` skips that check.
    /// - Throws: `PolicyError` with every problem of every file.
    public static func load(
        files: [(name: String, data: Data)], knownPurposes: Set<String>? = nil,
        collectionName: String = defaultCollectionName
    ) throws(PolicyError) -> ConsentTextLibrary {
        let results = files.map {
            ConsentTextLoader.load(fileName: $0.name, data: $0.data, knownPurposes: knownPurposes)
        }
        return try library(from: results, collectionName: collectionName)
    }

    /// The problems of each file, one `PolicyError` per file with problems, in file order; empty when all load.
    public static func validate(files: [(name: String, data: Data)], knownPurposes: Set<String>? = nil)
        -> [PolicyError]
    {
        let results = files.map {
            ConsentTextLoader.load(fileName: $0.name, data: $0.data, knownPurposes: knownPurposes)
        }
        return errors(of: withDuplicateIDs(results))
    }

    /// The library of `results`, or the error listing every problem.
    private static func library(
        from results: [ConsentTextFile], collectionName: String
    ) throws(PolicyError) -> ConsentTextLibrary {
        let checked = withDuplicateIDs(results)
        let errors = errors(of: checked)
        if errors.count == 1, let error = errors.first { throw error }
        if errors.count > 1 {
            let issues = errors.flatMap { error in
                error.issues.map {
                    PolicyIssue(
                        code: $0.code, path: "\(error.fileName): \($0.path)", message: $0.message, line: $0.line)
                }
            }
            throw PolicyError(fileName: collectionName, issues: issues)
        }
        return ConsentTextLibrary(texts: checked.compactMap(\.text))
    }

    /// `results` with an issue on every file that repeats an id declared by an earlier file.
    private static func withDuplicateIDs(_ results: [ConsentTextFile]) -> [ConsentTextFile] {
        var firstFile: [String: String] = [:]
        var checked: [ConsentTextFile] = []
        for result in results {
            guard let declared = result.declaredID else {
                checked.append(result)
                continue
            }
            if let earlier = firstFile[declared.value] {
                let issue = PolicyIssue(
                    code: .duplicateName, path: "$.id",
                    message: "consent text id \"\(declared.value)\" is already defined in \(earlier)",
                    line: declared.line)
                checked.append(
                    ConsentTextFile(name: result.name, text: nil, declaredID: declared, issues: result.issues + [issue])
                )
            } else {
                firstFile[declared.value] = result.name
                checked.append(result)
            }
        }
        return checked
    }

    /// One error per file with issues, the issues in line order.
    private static func errors(of results: [ConsentTextFile]) -> [PolicyError] {
        results.filter { !$0.issues.isEmpty }.map { result in
            let issues = result.issues.inLineOrder()
            return PolicyError(fileName: result.name, issues: issues)
        }
    }
}
