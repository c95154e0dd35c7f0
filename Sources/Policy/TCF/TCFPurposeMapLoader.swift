import Foundation

/// Turns `tcf-purposes.json` into a validated `TCFPurposeMap`, collecting every problem before failing.
///
/// The document is `{"version": "...", "description": "...", "signal": "core", "purposes": {"3": "profiling"}}`;
/// `description` and `signal` are optional.
struct TCFPurposeMapLoader {
    /// The keys the document must contain.
    static let requiredKeys = ["version", "purposes"]
    /// The keys the document may contain.
    static let optionalKeys = ["description", "signal"]

    /// The consent purposes a TCF purpose may map to.
    let knownPurposes: Set<String>
    /// Problems found so far.
    private(set) var issues: [PolicyIssue] = []

    /// Loads and validates `data`, naming `fileName` in errors.
    static func load(data: Data, fileName: String, knownPurposes: Set<String>) throws(PolicyError) -> TCFPurposeMap {
        var parser = JSONParser(bytes: Array(data))
        let root: JSONNode
        do {
            root = try parser.parseDocument()
        } catch {
            throw PolicyError(fileName: fileName, issues: [error.issue])
        }
        var loader = TCFPurposeMapLoader(knownPurposes: knownPurposes)
        for duplicate in parser.duplicates {
            let noun = duplicate.path.components.count == 2 ? "TCF purpose" : "key"
            loader.report(
                .duplicateKey, at: duplicate.path, line: duplicate.line,
                "\(noun) \"\(duplicate.key)\" appears twice (first at line \(duplicate.firstLine))")
        }
        let map = loader.readDocument(root)
        let issues = loader.issues.inLineOrder()
        guard issues.isEmpty, let map else {
            let fallback = PolicyIssue(code: .invalidValue, path: "$", message: "the TCF purpose map is incomplete")
            throw PolicyError(fileName: fileName, issues: issues.isEmpty ? [fallback] : issues)
        }
        return map
    }

    /// Reads the whole document; `nil` when a required part is unusable.
    private mutating func readDocument(_ root: JSONNode) -> TCFPurposeMap? {
        guard case .object(let members) = root.value else {
            report(.wrongType, at: .root, line: root.line, "expected an object, found \(root.value.kindDescription)")
            return nil
        }
        var byKey: [String: JSONNode] = [:]
        let allowed = Self.requiredKeys + Self.optionalKeys
        for member in members {
            byKey[member.key] = member.node
            if !allowed.contains(member.key) {
                let expected = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
                report(
                    .unknownKey, at: JSONPath.root.appending(member.key), line: member.node.line,
                    "unknown key \"\(member.key)\" (expected one of \(expected))")
            }
        }
        for key in Self.requiredKeys where byKey[key] == nil {
            report(.missingKey, at: .root, line: root.line, "missing key \"\(key)\"")
        }
        let version = byKey["version"].flatMap { string($0, at: JSONPath.root.appending("version")) }
        if let node = byKey["description"] {
            _ = string(node, at: JSONPath.root.appending("description"), allowsEmpty: true)
        }
        let signal = byKey["signal"].map { readSignal($0) } ?? .core
        let mappings = byKey["purposes"].flatMap { readMappings($0, at: JSONPath.root.appending("purposes")) }
        guard issues.isEmpty, let version, let signal, let mappings else { return nil }
        return TCFPurposeMap(version: version, signal: signal, mappings: mappings)
    }

    /// Reads `signal`: `core` or `publisherTC`.
    private mutating func readSignal(_ node: JSONNode) -> TCFConsentSignal? {
        let path = JSONPath.root.appending("signal")
        guard let text = string(node, at: path) else { return nil }
        guard let signal = TCFConsentSignal(rawValue: text) else {
            let expected = TCFConsentSignal.allCases.map(\.rawValue).joined(separator: ", ")
            report(.invalidValue, at: path, line: node.line, "unknown signal \"\(text)\" (expected one of \(expected))")
            return nil
        }
        return signal
    }

    /// Reads `purposes`: TCF purpose id (a decimal string, 1–11) → Tresor consent purpose.
    private mutating func readMappings(_ node: JSONNode, at path: JSONPath) -> [Int: String]? {
        guard case .object(let members) = node.value else {
            report(.wrongType, at: path, line: node.line, "expected an object, found \(node.value.kindDescription)")
            return nil
        }
        if members.isEmpty {
            report(.invalidValue, at: path, line: node.line, "maps no TCF purpose")
        }
        var mappings: [Int: String] = [:]
        for member in members {
            let memberPath = path.appending(member.key)
            let id = Self.purposeID(member.key)
            if id == nil {
                let range = TCFPurposeMap.tcfPurposeIDs
                report(
                    .invalidValue, at: memberPath, line: member.node.line,
                    "TCF purpose id must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            guard let purpose = string(member.node, at: memberPath) else { continue }
            guard knownPurposes.contains(purpose) else {
                report(
                    .unknownConsentPurpose, at: memberPath, line: member.node.line,
                    "unknown consent purpose \"\(purpose)\" (not in the policy's consentPurposes)")
                continue
            }
            if let id { mappings[id] = purpose }
        }
        return mappings
    }

    /// The id a key names: decimal digits without a leading zero, within `TCFPurposeMap.tcfPurposeIDs`.
    private static func purposeID(_ key: String) -> Int? {
        guard key.utf8.allSatisfy({ (0x30...0x39).contains($0) }), !key.hasPrefix("0"), key.utf8.count <= 2,
            let id = Int(key), TCFPurposeMap.tcfPurposeIDs.contains(id)
        else { return nil }
        return id
    }

    /// A string; `nil` (and an issue) when it is not one, or is empty and `allowsEmpty` is false.
    private mutating func string(_ node: JSONNode, at path: JSONPath, allowsEmpty: Bool = false) -> String? {
        guard case .string(let text) = node.value else {
            report(.wrongType, at: path, line: node.line, "expected a string, found \(node.value.kindDescription)")
            return nil
        }
        if text.isEmpty && !allowsEmpty {
            report(.invalidValue, at: path, line: node.line, "must not be empty")
            return nil
        }
        return text
    }

    /// Records a problem.
    private mutating func report(_ code: PolicyIssue.Code, at path: JSONPath, line: Int?, _ message: String) {
        issues.append(PolicyIssue(code: code, path: path.description, message: message, line: line))
    }
}
