extension TCString {
    /// Decodes a TC string: the core segment, then any disclosed vendors, allowed vendors and Publisher TC segments.
    ///
    /// Strict: the version must be 2; every segment must be non-empty base64url (well-formed trailing `=` padding is
    /// tolerated); optional segments must have type 1, 2 or 3 and appear at most once; vendor range entries must
    /// ascend without overlap and stay within `MaxVendorId`; letters must be a–z; restriction type 3 is rejected.
    /// Bits after the last field of a segment are padding and ignored. Hostile input never traps: every failure is
    /// a `TCStringError`.
    /// - Throws: `TCStringError` naming the segment, field and bit offset (never the string itself).
    public init(decoding string: String) throws(TCStringError) {
        let utf8 = string.utf8
        guard !utf8.isEmpty else { throw TCStringError(.empty, message: "the TC string is empty") }
        guard utf8.count <= Self.maximumLength else {
            throw TCStringError(
                .tooLong,
                message: "the TC string is \(utf8.count) bytes long, more than the \(Self.maximumLength) allowed")
        }
        let segments = utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        var decoded: [TCFBase64URL.Bits] = []
        for (index, segment) in segments.enumerated() {
            do throws(TCStringError) {
                decoded.append(try TCFBase64URL.decode(segment))
            } catch {
                throw error.inSegment(index)
            }
        }
        let core: Core
        do {
            core = try TCFSegmentDecoder.core(decoded[0])
        } catch {
            throw error.inSegment(0)
        }
        var disclosed: TCFVendorSet?
        var allowed: TCFVendorSet?
        var publisher: TCFPublisherTC?
        var seen: [TCFSegmentDecoder.OptionalSegment: Int] = [:]
        for (index, bits) in decoded.enumerated().dropFirst() {
            do throws(TCStringError) {
                let type = try TCFSegmentDecoder.segmentType(bits)
                if let first = seen[type] {
                    throw TCStringError(
                        .duplicateSegment, field: "segmentType", bitOffset: 0,
                        message: "segment type \(type.rawValue) already appeared as segment \(first)")
                }
                seen[type] = index
                switch type {
                case .disclosedVendors: disclosed = try TCFSegmentDecoder.vendors(bits, "disclosedVendors")
                case .allowedVendors: allowed = try TCFSegmentDecoder.vendors(bits, "allowedVendors")
                case .publisherTC: publisher = try TCFSegmentDecoder.publisherTC(bits)
                }
            } catch {
                throw error.inSegment(index)
            }
        }
        self.init(core: core, disclosedVendors: disclosed, allowedVendors: allowed, publisherTC: publisher)
    }
}
