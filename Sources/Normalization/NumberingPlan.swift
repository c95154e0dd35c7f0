/// What the national significant numbers behind one country calling code look like.
struct NumberingPlan: Sendable {
    /// The country calling code's digits.
    let callingCode: [UInt8]
    /// The possible lengths of a national significant number.
    let lengths: ClosedRange<Int>
    /// Bit `d` is set when a national significant number may start with digit `d`.
    let leadingDigits: UInt16
    /// The trunk prefix dialled before national numbers inside the country (`0`, `8`, `1`), if any.
    let trunkPrefix: [UInt8]?
    /// Whether the North American rule applies: the exchange code (4th digit) is 2–9 too.
    let isNorthAmerican: Bool

    /// Leading digits 1–9.
    static let nonZero: UInt16 = 0b11_1111_1110
    /// Leading digits 0–9.
    static let anyDigit: UInt16 = 0b11_1111_1111

    /// The rule `number` (a national significant number) breaks, or nil when it is a valid number of this plan.
    func problem(with number: ArraySlice<UInt8>) -> NormalizationError.PhoneProblem? {
        if number.count < lengths.lowerBound { return .tooFewDigits }
        if number.count > lengths.upperBound || callingCode.count + number.count > 15 { return .tooManyDigits }
        guard let first = number.first, leadingDigits & (1 << first) != 0 else { return .invalidLeadingDigit }
        if isNorthAmerican, number[number.startIndex + 3] < 2 { return .invalidLeadingDigit }
        if PlaceholderNumber.isPlaceholder(number) { return .implausible }
        return nil
    }

    /// `+<calling code><number>`.
    func e164(_ number: ArraySlice<UInt8>) -> String {
        let count = 1 + callingCode.count + number.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer[0] = UInt8(ascii: "+")
            var index = 1
            for digit in callingCode {
                buffer[index] = digit + 0x30
                index += 1
            }
            for digit in number {
                buffer[index] = digit + 0x30
                index += 1
            }
            return count
        }
    }
}
