/// Close-match suggestions for mistyped names, and the rule for which typed words a message may repeat.
enum Spelling {
    /// The candidate closest to the word, if close enough to be a likely typo (or the word is its prefix).
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let word = Array(word)
        let limit = max(1, min(3, (word.count + 1) / 3))
        let scored = candidates.map { ($0, distance(word, Array($0))) }
        if let best = scored.filter({ $0.1 <= limit }).min(by: { $0.1 < $1.1 }) {
            return best.0
        }
        return word.count >= 3 ? candidates.first { $0.hasPrefix(String(word)) } : nil
    }

    /// Whether a mistyped name looks like a name rather than data (no `@`, spaces or capitals), so it may be echoed.
    static func isEchoable(_ word: String) -> Bool {
        word.count <= 40
            && word.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".contains($0) }
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
