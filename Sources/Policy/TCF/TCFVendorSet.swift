/// A set of TCF vendor ids decoded from a vendor section (consents, legitimate interests, disclosed or allowed
/// vendors) or from a publisher restriction, kept as sorted, non-overlapping ranges.
///
/// Ranges keep a hostile range encoding (one entry covering vendors 1–65535) small in memory.
public struct TCFVendorSet: Sendable, Hashable, CustomStringConvertible {
    /// How a vendor section was written.
    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        /// One bit per vendor id from 1 to `MaxVendorId`.
        case bitField
        /// A list of single ids and id ranges.
        case range
    }

    /// The section's `MaxVendorId` (for a publisher restriction: the highest id listed, or 0).
    public let maxVendorID: Int
    /// The encoding the section used.
    public let encoding: Encoding
    /// The ids, as ascending, non-overlapping, non-adjacent ranges.
    public let ranges: [ClosedRange<Int>]

    /// Creates a set; `ranges` are sorted and merged, so they may overlap or come in any order.
    public init(maxVendorID: Int, encoding: Encoding, ranges: [ClosedRange<Int>]) {
        self.maxVendorID = maxVendorID
        self.encoding = encoding
        self.ranges = Self.merged(ranges)
    }

    /// The empty set of a section with `MaxVendorId` 0.
    public static let empty = TCFVendorSet(maxVendorID: 0, encoding: .bitField, ranges: [])

    /// Whether `vendorID` is in the set.
    public func contains(_ vendorID: Int) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if vendorID < range.lowerBound {
                high = middle - 1
            } else if vendorID > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// Every id, ascending.
    public var ids: [Int] { ranges.flatMap { Array($0) } }

    /// The number of ids.
    public var count: Int { ranges.reduce(0) { $0 + $1.count } }

    /// Whether the set has no ids.
    public var isEmpty: Bool { ranges.isEmpty }

    /// The ranges as `1-5, 100, 404`.
    public var description: String {
        ranges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: ", ")
    }

    /// `ranges` sorted and with overlapping or adjacent ranges joined.
    private static func merged(_ ranges: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound + 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
