/// Reads typed values out of JSON nodes and collects every problem as a `PolicyIssue` instead of stopping.
///
/// Each accessor returns `nil` when the value is absent or unusable; the problem, if any, is already recorded.
struct PolicyReader {
    /// The members of one JSON object, looked up by key, with the object's path.
    struct Members {
        /// The object's path.
        let path: JSONPath
        /// The object node.
        let node: JSONNode
        private let byKey: [String: JSONNode]

        init(path: JSONPath, node: JSONNode, members: [JSONMember]) {
            self.path = path
            self.node = node
            var byKey: [String: JSONNode] = [:]
            for member in members { byKey[member.key] = member.node }
            self.byKey = byKey
        }

        /// The value of `key`, if present.
        subscript(key: String) -> JSONNode? { byKey[key] }

        /// Whether `key` is present.
        func contains(_ key: String) -> Bool { byKey[key] != nil }
    }

    /// Problems found so far, in the order found.
    private(set) var issues: [PolicyIssue] = []

    /// Records a problem.
    mutating func report(_ code: PolicyIssue.Code, at path: JSONPath, line: Int?, _ message: String) {
        issues.append(PolicyIssue(code: code, path: path.description, message: message, line: line))
    }

    /// Records a problem located at `node`.
    mutating func report(_ code: PolicyIssue.Code, at path: JSONPath, node: JSONNode?, _ message: String) {
        report(code, at: path, line: node?.line, message)
    }

    // MARK: Objects

    /// The members of an object with the given required and optional keys; reports a wrong type,
    /// missing required keys and keys the format does not define.
    mutating func object(
        _ node: JSONNode, at path: JSONPath, required: [String] = [], optional: [String] = []
    ) -> Members? {
        guard case .object(let members) = node.value else {
            report(.wrongType, at: path, node: node, "expected an object, found \(node.value.kindDescription)")
            return nil
        }
        let known = Set(required + optional)
        for member in members where !known.contains(member.key) {
            let expected = (required + optional).map { "\"\($0)\"" }.joined(separator: ", ")
            report(
                .unknownKey, at: path.appending(member.key), node: member.node,
                "unknown key \"\(member.key)\" (expected one of \(expected))")
        }
        let result = Members(path: path, node: node, members: members)
        for key in required where !result.contains(key) {
            report(.missingKey, at: path, node: node, "missing key \"\(key)\"")
        }
        return result
    }

    /// The members of an object used as a name → definition map (fields, purposes, actors, ...), in order.
    mutating func entries(_ node: JSONNode, at path: JSONPath) -> [JSONMember]? {
        guard case .object(let members) = node.value else {
            report(.wrongType, at: path, node: node, "expected an object, found \(node.value.kindDescription)")
            return nil
        }
        return members
    }

    // MARK: Scalars

    /// A string; `nil` (and an issue) when it is not one, or is empty and `allowsEmpty` is false.
    mutating func string(_ node: JSONNode?, at path: JSONPath, allowsEmpty: Bool = false) -> String? {
        guard let node else { return nil }
        guard case .string(let text) = node.value else {
            report(.wrongType, at: path, node: node, "expected a string, found \(node.value.kindDescription)")
            return nil
        }
        if text.isEmpty && !allowsEmpty {
            report(.invalidValue, at: path, node: node, "must not be empty")
            return nil
        }
        return text
    }

    /// A boolean, or `defaultValue` when absent or wrong.
    mutating func bool(_ node: JSONNode?, at path: JSONPath, default defaultValue: Bool) -> Bool {
        guard let node else { return defaultValue }
        guard case .bool(let value) = node.value else {
            report(.wrongType, at: path, node: node, "expected a boolean, found \(node.value.kindDescription)")
            return defaultValue
        }
        return value
    }

    /// An integer not below `minimum`; negative values are reported as `negativeValue`.
    mutating func integer(_ node: JSONNode?, at path: JSONPath, minimum: Int = 0, maximum: Int = Int.max) -> Int? {
        guard let node else { return nil }
        guard case .number(let text) = node.value else {
            report(.wrongType, at: path, node: node, "expected an integer, found \(node.value.kindDescription)")
            return nil
        }
        guard let value = Int(text) else {
            report(.wrongType, at: path, node: node, "expected an integer, found a non-integer or too large number")
            return nil
        }
        if value < 0 && minimum >= 0 {
            report(.negativeValue, at: path, node: node, "must not be negative")
            return nil
        }
        if value < minimum || value > maximum {
            let range = maximum == Int.max ? "at least \(minimum)" : "between \(minimum) and \(maximum)"
            report(.invalidValue, at: path, node: node, "must be \(range)")
            return nil
        }
        return value
    }

    /// An optional number of days: absent or `null` is `.some(nil)`; a bad value is `nil`.
    mutating func optionalDays(_ node: JSONNode?, at path: JSONPath) -> Int?? {
        guard let node else { return .some(nil) }
        if case .null = node.value { return .some(nil) }
        guard let days = integer(node, at: path) else { return nil }
        return .some(days)
    }

    /// A string naming a case of `Value`; an unknown name is reported with `code`.
    mutating func enumeration<Value: RawRepresentable & CaseIterable>(
        _ node: JSONNode?, at path: JSONPath, code: PolicyIssue.Code, noun: String
    ) -> Value? where Value.RawValue == String {
        guard let text = string(node, at: path) else { return nil }
        guard let value = Value(rawValue: text) else {
            let expected = Value.allCases.map(\.rawValue).joined(separator: ", ")
            report(code, at: path, node: node, "unknown \(noun) \"\(text)\" (expected one of \(expected))")
            return nil
        }
        return value
    }

    // MARK: Arrays

    /// The elements of an array.
    mutating func array(_ node: JSONNode?, at path: JSONPath) -> [JSONNode]? {
        guard let node else { return nil }
        guard case .array(let elements) = node.value else {
            report(.wrongType, at: path, node: node, "expected an array, found \(node.value.kindDescription)")
            return nil
        }
        return elements
    }

    /// A string in a list, with its path and node.
    struct ListItem {
        /// The string.
        let value: String
        /// Its path, e.g. `$.actors.marketer.grants[0].fields[2]`.
        let path: JSONPath
        /// Its node.
        let node: JSONNode
    }

    /// The strings of an array; non-strings, empty strings and repeated strings are reported and skipped.
    mutating func stringList(_ node: JSONNode?, at path: JSONPath, noun: String) -> [ListItem]? {
        guard let elements = array(node, at: path) else { return nil }
        var items: [ListItem] = []
        var seen: Set<String> = []
        for (index, element) in elements.enumerated() {
            let elementPath = path.appending(index)
            guard let value = string(element, at: elementPath) else { continue }
            guard seen.insert(value).inserted else {
                report(.duplicateName, at: elementPath, node: element, "\(noun) \"\(value)\" is listed twice")
                continue
            }
            items.append(ListItem(value: value, path: elementPath, node: element))
        }
        return items
    }

    // MARK: Names

    /// Whether `name` is a valid policy name: lower-case ASCII letters, digits, `_`, `-` and `.`,
    /// starting with a letter or digit.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLowerAlphanumeric(first) else { return false }
        return name.utf8.allSatisfy {
            isLowerAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Reports `name` when it is not a valid policy name.
    mutating func checkName(_ name: String, at path: JSONPath, node: JSONNode?, noun: String) {
        guard !Self.isValidName(name) else { return }
        report(
            .invalidValue, at: path, node: node,
            "\(noun) name \"\(name)\" must use lower-case letters, digits, '_', '-' and '.'")
    }
}
