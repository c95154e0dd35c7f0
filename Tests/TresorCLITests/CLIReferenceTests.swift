import Foundation
import Testing

@testable import TresorCLI

/// The CLI reference in Docs/ is the golden copy of every command's help text.
@Suite struct CLIReferenceTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Docs/cli-reference.md")

    @Test func docsMatchTheHelpOfEveryCommand() throws {
        let generated = CLIReference.markdown()
        if ProcessInfo.processInfo.environment["TRESOR_UPDATE_GOLDEN"] == "1" {
            try generated.write(to: Self.file, atomically: true, encoding: .utf8)
        }
        let stored = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(
            stored == generated,
            "Docs/cli-reference.md is out of date: run TRESOR_UPDATE_GOLDEN=1 swift test --filter CLIReferenceTests")
    }

    @Test func everyCommandHasAHelpSection() {
        let text = CLIReference.markdown()
        for name in [
            "tresor init", "tresor consent withdraw", "tresor request erase", "tresor audit verify", "tresor backup",
        ] {
            #expect(text.contains("## `\(name)`"), "\(name)")
        }
    }
}
