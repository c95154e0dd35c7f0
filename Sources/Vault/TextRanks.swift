/// The ranks of a handful of distinct texts repeated over many items (the field names of a
/// batch of writes, the sources of a batch of records), so that a sort compares integers instead
/// of strings. Texts are found by a linear search, which compares small strings in place where a
/// dictionary would hash each one; meant for tens of distinct texts, not thousands.
struct TextRanks {
    /// The distinct texts, in the order of their first item.
    let texts: [String]
    /// For each item, the rank of its text in `precedes` order.
    let rankOfItem: [Int32]

    /// Ranks the texts of items `0..<count`, where `text(i)` is item `i`'s text (read in place,
    /// without copying the item).
    init(count: Int, text: (Int) -> String, precedes: (String, String) -> Bool) {
        var texts: [String] = []
        var textOfItem: [Int32] = []
        textOfItem.reserveCapacity(count)
        // Items tend to repeat a cycle (the fields of one record after another): the text after
        // the previous item's is tried first, an equality that is mostly a compare of raw bits.
        var previous = -1
        for index in 0..<count {
            let item = text(index)
            let guess = previous + 1 < texts.count ? previous + 1 : 0
            if guess < texts.count, texts[guess] == item {
                textOfItem.append(Int32(guess))
                previous = guess
            } else if let found = texts.firstIndex(of: item) {
                textOfItem.append(Int32(found))
                previous = found
            } else {
                textOfItem.append(Int32(texts.count))
                previous = texts.count
                texts.append(item)
            }
        }
        var rankOfText = [Int32](repeating: 0, count: texts.count)
        for (rank, text) in texts.indices.sorted(by: { precedes(texts[$0], texts[$1]) }).enumerated() {
            rankOfText[text] = Int32(rank)
        }
        self.texts = texts
        rankOfItem = textOfItem.map { rankOfText[Int($0)] }
    }
}
