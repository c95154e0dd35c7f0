import Foundation

/// Event types and their properties JSON, which the event stream cycles through.
struct PropertiesCorpus: Sendable {
    /// One event's type and properties bytes.
    struct Entry: Sendable {
        let type: String
        let properties: [UInt8]
    }

    /// The entries.
    let entries: [Entry]
    /// Where they come from (for the record).
    let origin: String

    /// Mean size of the properties, bytes.
    var meanPropertiesBytes: Double {
        entries.isEmpty ? 0 : Double(entries.reduce(0) { $0 + $1.properties.count }) / Double(entries.count)
    }

    /// 4,096 properties objects shaped like the Segment e-commerce spec (about 150 bytes on average),
    /// with the type mix of a shop's traffic: many views and pages, fewer carts and orders.
    static func segmentTemplates(count: Int = 4_096, seed: UInt64 = 7) -> PropertiesCorpus {
        var random = SplitMix64(seed: seed)
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let roll = random.below(100)
            let (type, json): (String, String)
            switch roll {
            case 0..<35: (type, json) = ("track:Product Viewed", SegmentProperties.productViewed(&random))
            case 35..<60: (type, json) = ("page", SegmentProperties.page(&random))
            case 60..<72: (type, json) = ("track:Product Added", SegmentProperties.productAdded(&random))
            case 72..<80: (type, json) = ("track:Products Searched", SegmentProperties.productsSearched(&random))
            case 80..<86: (type, json) = ("track:Checkout Started", SegmentProperties.checkout(&random))
            case 86..<92: (type, json) = ("track:Order Completed", SegmentProperties.orderCompleted(&random))
            default: (type, json) = ("track:Email Opened", SegmentProperties.emailOpened(&random))
            }
            entries.append(Entry(type: type, properties: Array(json.utf8)))
        }
        return PropertiesCorpus(entries: entries, origin: "built-in Segment e-commerce templates")
    }

    /// The `properties` of the first `limit` messages of a generate.py `events.ndjson`.
    static func load(fromEvents file: URL, limit: Int = 100_000) throws -> PropertiesCorpus {
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw BenchError("cannot read \(file.path)")
        }
        defer { try? handle.close() }
        // The first few MB hold plenty of messages; no need to read a multi-GB file.
        let data = handle.readData(ofLength: 64 << 20)
        var entries: [Entry] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n")) {
            lineNumber += 1
            guard entries.count < limit else { break }
            guard let message = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let properties = message["properties"], let kind = message["type"] as? String,
                let bytes = try? JSONSerialization.data(withJSONObject: properties, options: [.sortedKeys])
            else { continue }
            let name = (message["event"] as? String).map { "track:" + $0 } ?? kind
            entries.append(Entry(type: name, properties: Array(bytes)))
        }
        guard !entries.isEmpty else {
            throw BenchError("\(file.path): no message with properties in the first \(lineNumber) lines")
        }
        return PropertiesCorpus(entries: entries, origin: file.path)
    }
}
