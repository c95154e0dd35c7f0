/// How national numbers are written inside one region (ISO alpha-2), and the plan they belong to.
struct DialingRegion: Sendable {
    /// The numbering plan of the region's calling code.
    let plan: NumberingPlan
    /// Prefixes written before a national significant number (trunk prefixes, legacy ones included).
    let nationalPrefixes: [[UInt8]]
    /// International call prefixes besides `00`, which is read as international everywhere.
    let internationalPrefixes: [[UInt8]]
    /// Whether a national significant number written with no prefix at all is accepted: true where the trunk
    /// prefix is absent or the length is fixed, so that no digit string has two readings.
    let acceptsBareNumber: Bool

    /// The E.164 form of `digits`, written as a number of this region (no `+`, no `00`).
    func e164(national digits: ArraySlice<UInt8>) throws(NormalizationError) -> String {
        for prefix in internationalPrefixes where digits.starts(with: prefix) {
            return try PhoneNumbers.e164(international: digits.dropFirst(prefix.count))
        }
        var firstProblem: NormalizationError.PhoneProblem?
        for prefix in nationalPrefixes where digits.starts(with: prefix) {
            let number = digits.dropFirst(prefix.count)
            guard let problem = plan.problem(with: number) else { return plan.e164(number) }
            firstProblem = firstProblem ?? problem
        }
        if acceptsBareNumber {
            guard let problem = plan.problem(with: digits) else { return plan.e164(digits) }
            firstProblem = firstProblem ?? problem
        }
        if digits.starts(with: plan.callingCode) {
            let number = digits.dropFirst(plan.callingCode.count)
            if plan.problem(with: number) == nil { return plan.e164(number) }
        }
        if let firstProblem { throw .invalidPhone(firstProblem) }
        if digits.count < plan.lengths.lowerBound { throw .invalidPhone(.tooFewDigits) }
        if digits.count > plan.lengths.upperBound + plan.callingCode.count { throw .invalidPhone(.tooManyDigits) }
        throw .invalidPhone(.missingTrunkPrefix)
    }
}
