/// Events to append in one call (`VaultWriter.appendEvents`), packed: the message ids and
/// properties of all of them sit back to back in one byte buffer, and types and sources (a batch
/// has a handful of each) in small tables. A batch of 200,000 events is then a few allocations,
/// where `NewEvent`s are several per event — each a `malloc`, a `free` and reference counting,
/// and at a million people enough small blocks to fragment the heap.
public struct EventBatch: Sendable {
    /// The subject of each event.
    public private(set) var subjects: [SubjectID] = []
    /// When each event happened (ms since the epoch).
    private(set) var times: [Int64] = []
    /// Each event's type and source, as positions in `texts`.
    private(set) var typeIndexes: [Int32] = []
    private(set) var sourceIndexes: [Int32] = []
    /// Where each event's message id and properties are in `bytes`.
    private(set) var spans: [Span] = []
    /// Message ids and properties, event after event.
    private(set) var bytes: [UInt8] = []
    /// The distinct types and sources, and where each is in `texts`.
    private(set) var texts: [String] = []
    private var textIndex: [String: Int32] = [:]
    /// The UTF-8 of every text in `texts`, back to back, and where each one ends: bound in place
    /// by `appendEvents`.
    private(set) var textBytes: [UInt8] = []
    private var textEnds: [Int] = []

    /// An empty batch with room for `capacity` events (its byte buffer grows as events come).
    public init(capacity: Int = 0) {
        subjects.reserveCapacity(capacity)
        times.reserveCapacity(capacity)
        typeIndexes.reserveCapacity(capacity)
        sourceIndexes.reserveCapacity(capacity)
        spans.reserveCapacity(capacity)
    }

    /// The events of `events`, in their order.
    public init(_ events: [NewEvent]) {
        self.init(capacity: events.count)
        // Read in place: copying an event out would retain its strings and properties.
        events.withUnsafeBufferPointer { events in
            for index in events.indices {
                let event = events.baseAddress! + index
                append(
                    subject: event.pointee.subject, type: event.pointee.type, at: event.pointee.at,
                    source: event.pointee.source, messageID: event.pointee.messageID,
                    properties: event.pointee.properties)
            }
        }
    }

    /// Empties the batch, keeping its memory for the next (an import reuses one batch, so that
    /// its buffers are not allocated and faulted in again for every transaction).
    public mutating func removeAll() {
        subjects.removeAll(keepingCapacity: true)
        times.removeAll(keepingCapacity: true)
        typeIndexes.removeAll(keepingCapacity: true)
        sourceIndexes.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        texts.removeAll()
        textIndex.removeAll()
        textBytes.removeAll(keepingCapacity: true)
        textEnds.removeAll(keepingCapacity: true)
    }

    /// Events in the batch.
    public var count: Int { subjects.count }
    /// True when the batch holds no event.
    public var isEmpty: Bool { subjects.isEmpty }

    /// Adds an event (see `NewEvent` for what each part means).
    public mutating func append(
        subject: SubjectID, type: String, at: Int64, source: String, messageID: String, properties: [UInt8]
    ) {
        subjects.append(subject)
        times.append(at)
        typeIndexes.append(textPosition(type))
        sourceIndexes.append(textPosition(source))
        let start = bytes.count
        if messageID.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: messageID.utf8)
        }
        let messageEnd = bytes.count
        bytes.append(contentsOf: properties)
        spans.append(Span(start: start, messageEnd: messageEnd, end: bytes.count))
    }

    /// An event's message id (`start..<messageEnd`) and properties (`messageEnd..<end`) in `bytes`.
    struct Span {
        let start: Int
        let messageEnd: Int
        let end: Int
    }

    /// Reorders the events by subject, keeping the order of each subject's events: the index
    /// inserts of a batch then land next to each other, and a subject's events are appended
    /// with few statements.
    public mutating func sortBySubject() {
        struct Key: Comparable {
            let high: UInt64
            let low: UInt64
            let index: Int
            static func < (a: Key, b: Key) -> Bool { (a.high, a.low, a.index) < (b.high, b.low, b.index) }
        }
        var keys = subjects.indices.map { Key(high: subjects[$0].high, low: subjects[$0].low, index: $0) }
        keys.sort()
        guard zip(keys.indices, keys).contains(where: { $0 != $1.index }) else { return }
        // Only the per-event arrays move; the bytes stay where they are.
        subjects = keys.map { subjects[$0.index] }
        times = keys.map { times[$0.index] }
        typeIndexes = keys.map { typeIndexes[$0.index] }
        sourceIndexes = keys.map { sourceIndexes[$0.index] }
        spans = keys.map { spans[$0.index] }
    }

    /// The type of the event at `index`.
    func type(at index: Int) -> String { texts[Int(typeIndexes[index])] }
    /// Where the type of the event at `index` is in `textBytes`.
    func typeRange(at index: Int) -> Range<Int> { textRange(Int(typeIndexes[index])) }
    /// Where the source of the event at `index` is in `textBytes`.
    func sourceRange(at index: Int) -> Range<Int> { textRange(Int(sourceIndexes[index])) }

    /// The source of the event at `index`.
    func source(at index: Int) -> String { texts[Int(sourceIndexes[index])] }

    private func textRange(_ position: Int) -> Range<Int> {
        (position == 0 ? 0 : textEnds[position - 1])..<textEnds[position]
    }

    /// Where `text` is in `texts`, adding it when new. A batch has a handful of types and
    /// sources, found by comparing the first few (cheaper than hashing twice per event); the
    /// dictionary serves batches with many.
    private mutating func textPosition(_ text: String) -> Int32 {
        let scanned = min(texts.count, Self.textsScanned)
        for position in 0..<scanned where texts[position] == text { return Int32(position) }
        if texts.count > Self.textsScanned, let known = textIndex[text] { return known }
        let position = Int32(texts.count)
        texts.append(text)
        textIndex[text] = position
        textBytes.append(contentsOf: text.utf8)
        textEnds.append(textBytes.count)
        return position
    }

    private static let textsScanned = 16
}
