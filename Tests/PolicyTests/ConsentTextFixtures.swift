import Foundation
import Policy

/// Consent text documents for tests: valid 152-FZ and GDPR texts to break one item at a time.
enum ConsentTextFixtures {
    /// The consent purposes of `Policies/default.json`.
    static let knownPurposes: Set<String> = [
        "marketing.email", "marketing.sms", "marketing.push", "marketing.viber", "profiling", "analytics",
        "personalization", "health.recommendations", "transfer.third-party", "transfer.cross-border",
    ]

    /// The shipped folder, `Policies/consent-texts`, found from this file.
    static var shippedFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Policies/consent-texts")
    }

    /// A valid 152-FZ text with every item of Art. 9(4).
    static func fz152(id: String = "152fz-ru-v1", version: Int = 1) -> [String: Any] {
        [
            "id": id, "version": version, "jurisdiction": "152fz", "language": "ru",
            "title": "Согласие на обработку персональных данных",
            "purposes": ["marketing.email", "analytics"],
            "operator": ["name": "Example Retail LLC", "address": "1 Example Street, 101000 Moscow, Russia"],
            "dataCategories": ["email", "first_name"],
            "actions": ["collection", "recording", "storage", "use", "destruction"],
            "processingMethods": ["mixed"],
            "thirdParties": [
                ["name": "Example Mail Delivery Ltd", "address": "5 Sample Lane, St Petersburg", "role": "processor"]
            ],
            "validity": "До отзыва.",
            "withdrawal": "Письмом на dpo@example.org.",
            "separateDocument": true,
            "body": "Я даю согласие оператору Example Retail LLC на обработку моих персональных данных.",
        ]
    }

    /// A valid GDPR text.
    static func gdpr(id: String = "gdpr-de-v1", version: Int = 1) -> [String: Any] {
        [
            "id": id, "version": version, "jurisdiction": "gdpr", "language": "de",
            "title": "Einwilligung in Werbenachrichten",
            "purposes": ["marketing.email"],
            "controller": ["name": "Example Retail LLC", "contact": "dpo@example.org"],
            "rightToWithdraw": "Sie können Ihre Einwilligung jederzeit widerrufen.",
            "body": "Wir bitten um Ihre Einwilligung in E-Mail-Werbung.",
        ]
    }

    /// `document` as JSON bytes with sorted keys.
    static func data(_ document: [String: Any]) -> Data {
        // The fixtures are plain JSON values; serialization cannot fail for them.
        (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])) ?? Data()
    }

    /// `document` with the value at `path` (object keys) removed, or replaced by `value` when given.
    static func editing(_ document: [String: Any], at path: [String], setting value: Any? = nil) -> [String: Any] {
        var copy = document
        guard let key = path.first else { return copy }
        if path.count == 1 {
            copy[key] = value
        } else {
            let inner = copy[key] as? [String: Any] ?? [:]
            copy[key] = editing(inner, at: Array(path.dropFirst()), setting: value)
        }
        return copy
    }

    /// The error thrown when loading the single file `name` with `document`, or `nil` when it loads.
    static func loadError(_ document: [String: Any], name: String) -> PolicyError? {
        loadError(files: [(name, data(document))])
    }

    /// The error thrown when loading `files`, or `nil` when they load.
    static func loadError(files: [(name: String, data: Data)]) -> PolicyError? {
        do {
            _ = try ConsentTextLibrary.load(files: files, knownPurposes: knownPurposes)
            return nil
        } catch {
            return error
        }
    }
}
