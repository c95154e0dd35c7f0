import Vault

/// A deterministic stream of events spread uniformly over `subjects`: event `i` is the same on
/// every call, so the encrypted run and the plaintext baseline write identical rows.
struct SegmentEventStream {
    let subjects: [SubjectID]
    let corpus: PropertiesCorpus
    /// Time of the first event (ms since the epoch); events follow one second apart.
    let start: Int64
    let seed: UInt64

    init(subjects: [SubjectID], corpus: PropertiesCorpus, start: Int64 = 1_780_000_000_000, seed: UInt64 = 42) {
        self.subjects = subjects
        self.corpus = corpus
        self.start = start
        self.seed = seed
    }

    /// Event number `index`.
    func event(_ index: Int) -> NewEvent {
        let bits = SplitMix64.mix(seed ^ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let entry = corpus.entries[Int((bits >> 20) % UInt64(corpus.entries.count))]
        return NewEvent(
            subject: subjects[Int(bits % UInt64(subjects.count))], type: entry.type, at: start + Int64(index) * 1000,
            source: bits & 1 == 0 ? "web" : "app", messageID: Self.messageID(seed: seed, index: index),
            properties: entry.properties)
    }

    /// Events `range`.
    func events(_ range: Range<Int>) -> [NewEvent] { range.map(event) }

    /// Events for one subject: `count` of them, message ids unique to `tag`.
    func events(of subject: SubjectID, count: Int, tag: UInt64) -> [NewEvent] {
        (0..<count).map { index in
            let bits = SplitMix64.mix(tag &+ UInt64(index))
            let entry = corpus.entries[Int(bits % UInt64(corpus.entries.count))]
            return NewEvent(
                subject: subject, type: entry.type, at: start + Int64(index) * 60_000, source: "web",
                messageID: Self.messageID(seed: tag, index: index), properties: entry.properties)
        }
    }

    /// A UUID-shaped message id, unique per (seed, index).
    static func messageID(seed: UInt64, index: Int) -> String {
        let high = SplitMix64.mix(seed &* 31 &+ UInt64(index))
        let low = SplitMix64.mix(high ^ UInt64(index) ^ 0xA5A5_A5A5)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        for position in 0..<32 {
            if position == 8 || position == 12 || position == 16 || position == 20 { bytes.append(UInt8(ascii: "-")) }
            let word = position < 16 ? high : low
            let nibble = Int(truncatingIfNeeded: word >> UInt64(60 - 4 * (position % 16))) & 0xF
            bytes.append(hexDigits[nibble])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
