/// The Segment Tracking API message types (a `batch` is flattened into these).
enum SegmentMessageType: String, Sendable, Hashable, CaseIterable {
    case identify, track, page, screen, group, alias

    /// The type named by `name` exactly (Segment types are lower case), or nil.
    static func named(_ name: UnsafeBufferPointer<UInt8>) -> SegmentMessageType? {
        switch name.count {
        case 4: return ASCIIBytes.equal(name, "page") ? .page : nil
        case 5:
            if ASCIIBytes.equal(name, "track") { return .track }
            return ASCIIBytes.equal(name, "group") ? .group : (ASCIIBytes.equal(name, "alias") ? .alias : nil)
        case 6: return ASCIIBytes.equal(name, "screen") ? .screen : nil
        case 8: return ASCIIBytes.equal(name, "identify") ? .identify : nil
        default: return nil
        }
    }
}
