import Foundation
import Policy

/// The bench policy: `Policies/default.json` with 7 extra fields, so that a profile has 20 fields
/// as the performance targets assume. The extra fields are demographic or behavioural: the
/// compliance role reads them for `dsr` like any other field.
enum BenchPolicy {
    /// The added fields: name, class and type.
    static let extraFields: [(name: String, fieldClass: String, type: String)] = [
        ("loyalty_tier", "behavioural", "string"),
        ("preferred_store", "behavioural", "string"),
        ("favourite_category", "behavioural", "string"),
        ("lifetime_value", "behavioural", "number"),
        ("last_order_at", "behavioural", "date"),
        ("marketing_channel", "behavioural", "string"),
        ("household_size", "demographic", "number"),
    ]

    /// Loads `file` (or, when it does not exist, the repository's default policy next to this
    /// source file) and adds the bench fields.
    static func load(_ file: URL) throws -> (policy: AccessPolicy, source: URL) {
        var url = file
        if !FileManager.default.fileExists(atPath: url.path) {
            let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Policies/default.json")
            guard FileManager.default.fileExists(atPath: sourceTree.path) else {
                throw BenchError("the policy file \(file.path) does not exist (give one with --policy)")
            }
            url = sourceTree
        }
        let data = try Data(contentsOf: url)
        guard var root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            var fields = root["fields"] as? [String: Any]
        else { throw BenchError("\(url.path) is not a policy file (no \"fields\" object)") }
        for field in extraFields where fields[field.name] == nil {
            fields[field.name] = [
                "class": field.fieldClass, "type": field.type, "retentionDays": NSNull(),
                "description": "Added by tresor-bench so that a profile has 20 fields.",
            ]
        }
        root["fields"] = fields
        let extended = try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
        return (try AccessPolicy.load(data: extended, fileName: url.lastPathComponent), url)
    }
}
