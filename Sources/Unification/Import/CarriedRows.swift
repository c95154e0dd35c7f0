/// What pass 1 of a customer import keeps of every row for pass 2: its line and byte count (to
/// check the file did not change) and the identifiers it found valid — normalised value and blind-index token —
/// so that pass 2 neither normalises nor tokenises them again (Docs/decisions.md, entry 38).
///
/// Kept flat, since it holds every row of the file: the values' UTF-8 back to back in one byte
/// array, and per row one fixed-size record of its line, where its values start, their lengths
/// and the three tokens (80 bytes with its byte count), instead of three optional `String`s and
/// tokens per row.
struct CarriedRows {
    /// A valid identifier of a row: its normalised value and its token.
    typealias Identifier = (normalized: String, token: IdentifierToken)

    /// The length of an absent slot (a value this long is not carried either).
    private static let absent = UInt16.max

    /// Slots in this order: external id, e-mail, phone.
    private struct Row {
        let line: Int
        /// The record's field bytes (`CSVRecord.byteCount`), so that pass 2 notices a row that
        /// changed or was cut short, not only a line that moved.
        let byteCount: Int
        let start: Int
        let lengths: (UInt16, UInt16, UInt16)
        let tokens: (IdentifierToken, IdentifierToken, IdentifierToken)
    }

    private var rows: [Row] = []
    private var texts: [UInt8] = []

    var count: Int { rows.count }

    /// Whether row `index` is `record` as pass 1 read it: the same line, the same field bytes.
    func isRow(_ index: Int, of record: CSVRecord) -> Bool {
        rows[index].line == record.line && rows[index].byteCount == record.byteCount
    }

    /// Adds a row: its line, byte count and identifiers (nil: absent, invalid or suppressed — pass 2
    /// normalises those again to report why).
    mutating func append(_ record: CSVRecord, externalID: Identifier?, email: Identifier?, phone: Identifier?) {
        let start = texts.count
        func store(_ identifier: Identifier?) -> (UInt16, IdentifierToken) {
            guard let identifier, identifier.normalized.utf8.count < Int(Self.absent) else {
                return (Self.absent, IdentifierToken(high: 0, low: 0))
            }
            texts.append(contentsOf: identifier.normalized.utf8)
            return (UInt16(identifier.normalized.utf8.count), identifier.token)
        }
        let (externalLength, externalToken) = store(externalID)
        let (emailLength, emailToken) = store(email)
        let (phoneLength, phoneToken) = store(phone)
        rows.append(
            Row(
                line: record.line, byteCount: record.byteCount, start: start,
                lengths: (externalLength, emailLength, phoneLength),
                tokens: (externalToken, emailToken, phoneToken)))
    }

    /// The slot of `field`'s value in a row: where it starts, its length and token; nil when the
    /// row carries none.
    private func slot(_ field: CanonicalField, at index: Int) -> (start: Int, length: Int, token: IdentifierToken)? {
        let row = rows[index]
        let (external, email, phone) = row.lengths
        func present(_ length: UInt16) -> Int { length == Self.absent ? 0 : Int(length) }
        switch field {
        case .externalId:
            return external == Self.absent ? nil : (row.start, Int(external), row.tokens.0)
        case .email:
            return email == Self.absent ? nil : (row.start + present(external), Int(email), row.tokens.1)
        case .phone:
            return phone == Self.absent
                ? nil : (row.start + present(external) + present(email), Int(phone), row.tokens.2)
        default:
            return nil
        }
    }

    /// The carried identifier of `field` in row `index`, if any.
    func identifier(_ field: CanonicalField, at index: Int) -> Identifier? {
        guard let slot = slot(field, at: index) else { return nil }
        let text = texts.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[slot.start..<(slot.start + slot.length)]), as: UTF8.self)
        }
        return (text, slot.token)
    }

    /// The token of the carried identifier of `field` in row `index`, if any.
    func token(_ field: CanonicalField, at index: Int) -> IdentifierToken? {
        slot(field, at: index)?.token
    }
}
