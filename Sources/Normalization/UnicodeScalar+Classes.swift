extension Unicode.Scalar {
    /// A control character every rule rejects: C0, DEL, C1, line/paragraph separators and bidi controls.
    var isForbiddenControl: Bool {
        let v = value
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
        if v < 0x061C { return false }
        switch v {
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// A blank: a Unicode space separator (space, no-break space, …) or an invisible zero-width space,
    /// word joiner or byte-order mark. Blanks are trimmed, collapsed in names and skipped in phone numbers.
    var isBlank: Bool {
        let v = value
        if v == 0x20 { return true }
        if v < 0xA0 { return false }
        switch v {
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// Whether a string made only of such scalars is already in Unicode NFC (checked against the Unicode data).
    ///
    /// Covers ASCII, Latin-1, Latin Extended-A/B, IPA, spacing modifiers, Cyrillic (without its combining marks),
    /// Latin Extended Additional and general punctuation: the letters of the data set's names.
    var isNFCStable: Bool {
        let v = value
        if v < 0x300 { return true }
        switch v {
        case 0x400...0x482, 0x48A...0x52F, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E: return true
        default: return false
        }
    }
}
