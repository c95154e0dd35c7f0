extension TCFBitReader {
    /// Reads a vendor section: `MaxVendorId` (16), `IsRangeEncoding` (1), then a bit field of `MaxVendorId` bits or
    /// `NumEntries` (12) range entries.
    ///
    /// Range entries must ascend without overlapping (each starts after the previous one ends), and every id must
    /// lie in 1…`MaxVendorId`.
    mutating func vendorSection(_ name: String) throws(TCStringError) -> TCFVendorSet {
        let maxVendorID = try integer(16, "\(name).maxVendorId")
        let isRange = try bool("\(name).isRangeEncoding")
        guard isRange else {
            let runs = try idRuns(maxVendorID, "\(name).bitField")
            return TCFVendorSet(maxVendorID: maxVendorID, encoding: .bitField, ranges: runs)
        }
        let count = try integer(12, "\(name).numEntries")
        var ranges: [ClosedRange<Int>] = []
        for index in 0..<count {
            let entry = "\(name).rangeEntry[\(index)]"
            let startOffset = offset + 1
            let range = try rangeEntry(entry, maxVendorID: maxVendorID)
            if let previous = ranges.last, range.lowerBound <= previous.upperBound {
                throw error(
                    .rangeOutOfOrder, "\(entry).startOrOnlyVendorId", at: startOffset,
                    "range entries out of order: vendor \(range.lowerBound) does not follow vendor "
                        + "\(previous.upperBound)")
            }
            ranges.append(range)
        }
        return TCFVendorSet(maxVendorID: maxVendorID, encoding: .range, ranges: ranges)
    }

    /// Reads one `RangeEntry`: `IsARange` (1), `StartOrOnlyVendorId` (16) and, for a range, `EndVendorId` (16).
    ///
    /// Vendor id 0, an end before the start and (when `maxVendorID` is given) an id above it are rejected.
    mutating func rangeEntry(_ entry: String, maxVendorID: Int? = nil) throws(TCStringError) -> ClosedRange<Int> {
        let isRange = try bool("\(entry).isARange")
        let startField = "\(entry).startOrOnlyVendorId"
        let startOffset = offset
        let start = try integer(16, startField)
        guard start >= 1 else {
            throw error(.vendorOutOfRange, startField, at: startOffset, "vendor id 0 does not exist")
        }
        try checkLimit(start, maxVendorID, startField, at: startOffset)
        guard isRange else { return start...start }
        let endField = "\(entry).endVendorId"
        let endOffset = offset
        let end = try integer(16, endField)
        guard end >= start else {
            throw error(
                .rangeOutOfOrder, endField, at: endOffset, "range ends at vendor \(end), before its start \(start)")
        }
        try checkLimit(end, maxVendorID, endField, at: endOffset)
        return start...end
    }

    /// Throws `.vendorOutOfRange` when `vendorID` is above `maxVendorID`.
    private func checkLimit(_ vendorID: Int, _ maxVendorID: Int?, _ field: String, at bitOffset: Int)
        throws(TCStringError)
    {
        guard let maxVendorID, vendorID > maxVendorID else { return }
        throw error(.vendorOutOfRange, field, at: bitOffset, "vendor \(vendorID) is above maxVendorId \(maxVendorID)")
    }
}
