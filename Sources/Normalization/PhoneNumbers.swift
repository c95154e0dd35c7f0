/// Reading digit strings against the numbering plans.
enum PhoneNumbers {
    /// The E.164 form of `digits` that follow a `+` or an international prefix: calling code, then national number.
    static func e164(international digits: ArraySlice<UInt8>) throws(NormalizationError) -> String {
        guard let plan = NumberingPlans.plan(startingWith: digits) else {
            throw .invalidPhone(digits.count < 3 ? .tooFewDigits : .unknownCountryCode)
        }
        var number = digits.dropFirst(plan.callingCode.count)
        if let trunk = plan.trunkPrefix, trunk == [0], number.first == 0 {
            number = number.dropFirst()  // "+49 (0)30 …": the trunk zero written after the country code
        }
        if let problem = plan.problem(with: number) { throw .invalidPhone(problem) }
        return plan.e164(number)
    }
}
