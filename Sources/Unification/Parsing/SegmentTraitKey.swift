/// The identity-relevant traits of a Segment `identify` message (or `context.traits`) that the
/// importer keeps; all others are ignored.
enum SegmentTraitKey: String, Sendable, Hashable, CaseIterable, Comparable {
    case email, phone, firstName, lastName, name, birthday, gender, city, country, language

    /// The trait a key spells: the Segment spelling (`firstName`) or snake case (`first_name`).
    static func named(_ key: UnsafeBufferPointer<UInt8>) -> SegmentTraitKey? {
        switch key.count {
        case 4: return ASCIIBytes.equal(key, "name") ? .name : (ASCIIBytes.equal(key, "city") ? .city : nil)
        case 5: return ASCIIBytes.equal(key, "email") ? .email : (ASCIIBytes.equal(key, "phone") ? .phone : nil)
        case 6: return ASCIIBytes.equal(key, "gender") ? .gender : nil
        case 7: return ASCIIBytes.equal(key, "country") ? .country : nil
        case 8:
            if ASCIIBytes.equal(key, "lastName") { return .lastName }
            if ASCIIBytes.equal(key, "birthday") { return .birthday }
            return ASCIIBytes.equal(key, "language") ? .language : nil
        case 9:
            return ASCIIBytes.equal(key, "firstName")
                ? .firstName : (ASCIIBytes.equal(key, "last_name") ? .lastName : nil)
        case 10: return ASCIIBytes.equal(key, "first_name") ? .firstName : nil
        default: return nil
        }
    }

    /// Declaration order.
    static func < (lhs: SegmentTraitKey, rhs: SegmentTraitKey) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
