import Foundation
import Testing

/// Enforces the layering of DESIGN.md on the source tree: SwiftPM alone does not stop a target
/// from importing a module it reaches transitively.
@Suite struct LayeringTests {
    static let sourcesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Modules each target must never import.
    static let forbidden: [String: Set<String>] = {
        let belowAccessors: Set<String> = ["VaultStore", "VaultCrypto", "CSQLite", "CSodium"]
        return [
            "Unification": belowAccessors, "Segmentation": belowAccessors, "Messaging": belowAccessors,
            "Policy": ["Vault", "VaultStore", "VaultCrypto", "CSQLite", "CSodium"],
            "Normalization": ["Vault", "VaultStore", "VaultCrypto", "CSQLite", "CSodium"],
            "VaultCrypto": ["CSQLite", "VaultStore", "Vault"],
            "VaultStore": ["CSodium", "VaultCrypto", "Vault"],
        ]
    }()

    /// The only target allowed to import each C module.
    static let cModuleOwners = ["CSQLite": "VaultStore", "CSodium": "VaultCrypto"]

    @Test func upperModulesImportNothingBelowTheAccessors() throws {
        let violations = try Self.imports().filter { Self.forbidden[$0.target]?.contains($0.module) == true }
        #expect(violations.isEmpty, "forbidden imports: \(violations.map(\.description))")
    }

    @Test func cModulesAreImportedOnlyByTheirOwner() throws {
        let violations = try Self.imports().filter { item in
            guard let owner = Self.cModuleOwners[item.module] else { return false }
            return item.target != owner
        }
        #expect(violations.isEmpty, "C modules imported outside their owner: \(violations.map(\.description))")
    }

    @Test func scannerSeesTheTreeAndEveryImportForm() throws {
        let all = try Self.imports()
        #expect(all.contains { $0.target == "VaultStore" && $0.module == "CSQLite" })
        #expect(all.contains { $0.target == "VaultCrypto" && $0.module == "CSodium" })
        let forms = [
            "import VaultStore", "@testable import VaultStore", "public import VaultStore",
            "internal import VaultStore", "@_exported import VaultStore", "import struct VaultStore.Store",
        ]
        for line in forms { #expect(Self.importedModule(in: line) == "VaultStore", "\(line)") }
        #expect(Self.importedModule(in: "// import VaultStore") == nil)
    }

    @Test func decryptionIsNotOpenedToOtherTargets() throws {
        // `package` access would open the vault's internals to every target of the package.
        let vault = Self.sourcesDirectory.appendingPathComponent("Vault")
        var offenders: [String] = []
        for file in try Self.swiftFiles(in: vault) {
            let text = try String(contentsOf: file, encoding: .utf8)
            if text.range(
                of: #"(^|\s)package\s+(func|var|let|init|struct|class|enum|final)"#, options: .regularExpression) != nil
            {
                offenders.append(file.lastPathComponent)
            }
        }
        #expect(offenders.isEmpty, "package-level declarations in Vault: \(offenders)")
    }

    struct Import: CustomStringConvertible {
        let target: String
        let module: String
        let file: String
        let line: Int
        var description: String { "\(target)/\(file):\(line) imports \(module)" }
    }

    static func imports() throws -> [Import] {
        let targets = try FileManager.default.contentsOfDirectory(atPath: sourcesDirectory.path)
        var result: [Import] = []
        for target in targets.sorted() {
            for file in try swiftFiles(in: sourcesDirectory.appendingPathComponent(target)) {
                let lines = try String(contentsOf: file, encoding: .utf8).split(
                    separator: "\n", omittingEmptySubsequences: false)
                for (number, line) in lines.enumerated() {
                    if let module = importedModule(in: String(line)) {
                        result.append(
                            Import(target: target, module: module, file: file.lastPathComponent, line: number + 1))
                    }
                }
            }
        }
        return result
    }

    static func swiftFiles(in directory: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }

    /// The module named by an import declaration on `line`, or nil.
    static func importedModule(in line: String) -> String? {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        while let first = words.first,
            first.hasPrefix("@") || ["public", "internal", "package", "private", "fileprivate"].contains(first)
        {
            words.removeFirst()
        }
        guard words.first == "import", words.count >= 2 else { return nil }
        let kinds: Set<String> = ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"]
        let path = kinds.contains(words[1]) && words.count >= 3 ? words[2] : words[1]
        return path.split(separator: ".").first.map(String.init)
    }
}
