import Foundation

extension ConsentTextLoader {
    /// The version: an integer of at least 1.
    mutating func readVersion(in document: PolicyReader.Members) -> Int? {
        let path = JSONPath.root.appending("version")
        guard let node = document["version"] else {
            reportMissing(.version, at: path, line: document.node.line)
            return nil
        }
        return reader.integer(node, at: path, minimum: 1)
    }

    /// Checks that `id` is a valid name, equals the file name, starts with the jurisdiction and ends with
    /// `-v<version>`; a version mismatch is reported at `versionLine`.
    mutating func checkID(_ id: String, node: JSONNode, version: Int?, versionLine: Int?) {
        let path = JSONPath.root.appending("id")
        guard PolicyReader.isValidName(id) else {
            reader.checkName(id, at: path, node: node, noun: "consent text id")
            return
        }
        if id != fileStem {
            reader.report(
                .invalidValue, at: path, node: node,
                "id \"\(id)\" does not match the file name (expected \"\(fileStem)\" or a file named \"\(id).json\")")
        }
        if let jurisdiction, PolicyReader.isValidName(jurisdiction), !id.hasPrefix(jurisdiction + "-") {
            reader.report(
                .invalidValue, at: path, node: node,
                "id \"\(id)\" must start with its jurisdiction: \"\(jurisdiction)-\"")
        }
        guard let suffix = Self.versionSuffix(of: id) else {
            reader.report(
                .invalidValue, at: path, node: node,
                "id \"\(id)\" must end with \"-v<version>\", e.g. \"-v\(version ?? 1)\"")
            return
        }
        if let version, suffix != version {
            reader.report(
                .invalidValue, at: JSONPath.root.appending("version"), line: versionLine ?? node.line,
                "version \(version) does not match the id suffix \"-v\(suffix)\"")
        }
    }

    /// The number after the final `-v` of `id`, when `id` ends with `-v` and digits only.
    static func versionSuffix(of id: String) -> Int? {
        guard let range = id.range(of: "-v", options: .backwards) else { return nil }
        let digits = id[range.upperBound...]
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(digits)
    }

    /// The language: an ISO 639-1 code, two lower-case letters.
    mutating func readLanguage(in document: PolicyReader.Members) -> String? {
        guard let language = requiredString(.language, in: document, key: "language"),
            let node = document["language"]
        else { return nil }
        let isTwoLetters = language.utf8.count == 2 && language.utf8.allSatisfy { (0x61...0x7A).contains($0) }
        guard isTwoLetters, Locale.LanguageCode(language).isISOLanguage else {
            reader.report(
                .invalidValue, at: JSONPath.root.appending("language"), node: node,
                "\"\(language)\" is not an ISO 639-1 language code (two lower-case letters, e.g. \"ru\", \"de\")")
            return nil
        }
        return language
    }

    /// The consent purposes: a non-empty list of valid names, each known when `knownPurposes` is given.
    mutating func readPurposes(in document: PolicyReader.Members) -> [String]? {
        guard let items = requiredList(.purposes, in: document, key: "purposes", noun: "consent purpose")
        else { return nil }
        for item in items {
            guard PolicyReader.isValidName(item.value) else {
                reader.checkName(item.value, at: item.path, node: item.node, noun: "consent purpose")
                continue
            }
            if let knownPurposes, !knownPurposes.contains(item.value) {
                reader.report(
                    .unknownConsentPurpose, at: item.path, node: item.node,
                    "unknown consent purpose \"\(item.value)\" (the policy's consentPurposes do not list it)")
            }
        }
        return items.map(\.value)
    }
}
