/// Why a TC string could not be decoded: what is wrong, in which segment, at which field and bit offset.
///
/// The description never quotes the TC string itself; it names the segment (0 is the core segment), the field
/// (`vendorConsents.rangeEntry[2].endVendorId`) and the bit offset inside that segment, for example
/// `TC string segment 0, field vendorConsents.rangeEntry[1].startOrOnlyVendorId (bit 247): range entries out of
/// order: vendor 5 follows vendor 9`.
public struct TCStringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem, stable enough for tools and tests to match on.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The string is empty.
        case empty
        /// The string is longer than `TCString.maximumLength` characters.
        case tooLong
        /// Two dots in a row, or a dot at the start or end.
        case emptySegment
        /// A character outside the base64url alphabet (`A–Z a–z 0–9 - _`), or misplaced `=` padding.
        case invalidCharacter
        /// The core segment's version is not 2.
        case unsupportedVersion
        /// A field needs more bits than the segment holds.
        case truncated
        /// A segment after the core segment has a type other than 1, 2 or 3.
        case unknownSegmentType
        /// The same optional segment type appears twice.
        case duplicateSegment
        /// A vendor range entry starts at or before the end of the previous entry, or ends before it starts.
        case rangeOutOfOrder
        /// A vendor id is 0 or above the section's `MaxVendorId`.
        case vendorOutOfRange
        /// A field holds a value the format does not define (a letter above 25, restriction type 3, ...).
        case invalidValue
    }

    /// The kind of problem.
    public let reason: Reason
    /// The 0-based index of the dot-separated segment (0 is the core segment); `nil` for the whole string.
    public let segment: Int?
    /// The field being read, named after the specification (`cmpId`, `vendorConsents.bitField`, ...).
    public let field: String?
    /// The bit offset of the field inside its segment, when known.
    public let bitOffset: Int?
    /// The 0-based UTF-8 offset inside the segment (the character offset for ASCII), for invalid characters.
    public let characterOffset: Int?
    /// What is wrong, in words (never the TC string or a part of it).
    public let message: String

    /// Creates an error.
    public init(
        _ reason: Reason, segment: Int? = nil, field: String? = nil, bitOffset: Int? = nil,
        characterOffset: Int? = nil, message: String
    ) {
        self.reason = reason
        self.segment = segment
        self.field = field
        self.bitOffset = bitOffset
        self.characterOffset = characterOffset
        self.message = message
    }

    /// `TC string segment S, field F (bit B): message`, leaving out what is unknown.
    public var description: String {
        var location = "TC string"
        if let segment { location += " segment \(segment)" }
        if let characterOffset { location += ", character \(characterOffset)" }
        if let field { location += ", field \(field)" }
        if let bitOffset { location += " (bit \(bitOffset))" }
        return "\(location): \(message)"
    }

    /// This error placed in `segment`, unless it already names one.
    func inSegment(_ segment: Int) -> TCStringError {
        guard self.segment == nil else { return self }
        return TCStringError(
            reason, segment: segment, field: field, bitOffset: bitOffset, characterOffset: characterOffset,
            message: message)
    }
}
