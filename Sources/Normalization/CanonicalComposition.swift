import Foundation

/// Unicode NFC, skipping Foundation when every scalar is known to be stable under it.
enum CanonicalComposition {
    /// `text` in NFC.
    static func composed(_ text: String) -> String {
        if isKnownComposed(text) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Whether `text` is certainly NFC without running the algorithm.
    static func isKnownComposed(_ text: String) -> Bool {
        for byte in text.utf8 where byte >= 0x80 {
            return text.unicodeScalars.allSatisfy(\.isNFCStable)
        }
        return true
    }
}
