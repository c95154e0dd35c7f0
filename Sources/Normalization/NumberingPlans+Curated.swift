extension NumberingPlans {
    /// Hand-written plans for the data set's countries and a few others, replacing the generic table's entries.
    static let curated: [NumberingPlan] = [
        // Russia and Kazakhstan: 10 digits; the zone's numbers start with 3–9.
        NumberingPlan(
            callingCode: [7], lengths: 10...10, leadingDigits: 0b11_1111_1000, trunkPrefix: [8],
            isNorthAmerican: false),
        NumberingPlan(
            callingCode: [3, 8, 0], lengths: 9...9, leadingDigits: NumberingPlan.nonZero, trunkPrefix: [0],
            isNorthAmerican: false),
        NumberingPlan(
            callingCode: [3, 5, 9], lengths: 6...9, leadingDigits: NumberingPlan.nonZero, trunkPrefix: [0],
            isNorthAmerican: false),
        NumberingPlan(
            callingCode: [4, 9], lengths: 6...11, leadingDigits: NumberingPlan.nonZero, trunkPrefix: [0],
            isNorthAmerican: false),
        NumberingPlan(
            callingCode: [3, 3], lengths: 9...9, leadingDigits: NumberingPlan.nonZero, trunkPrefix: [0],
            isNorthAmerican: false),
        NumberingPlan(
            callingCode: [4, 8], lengths: 9...9, leadingDigits: NumberingPlan.nonZero, trunkPrefix: nil,
            isNorthAmerican: false),
        NumberingPlan(
            callingCode: [3, 4], lengths: 9...9, leadingDigits: NumberingPlan.nonZero, trunkPrefix: nil,
            isNorthAmerican: false),
        NumberingPlan(
            callingCode: [3, 5, 3], lengths: 7...10, leadingDigits: NumberingPlan.nonZero, trunkPrefix: [0],
            isNorthAmerican: false),
        NumberingPlan(
            callingCode: [4, 4], lengths: 9...10, leadingDigits: NumberingPlan.nonZero, trunkPrefix: [0],
            isNorthAmerican: false),
        // North America: NPA and exchange code both start with 2–9.
        NumberingPlan(
            callingCode: [1], lengths: 10...10, leadingDigits: 0b11_1111_1100, trunkPrefix: [1],
            isNorthAmerican: true),
    ]

    /// The hand-written writing rules of `region`, if it has some.
    static func curatedRegion(_ region: String, plan: NumberingPlan) -> DialingRegion? {
        switch plan.callingCode {
        case [7]:  // RU, KZ: trunk 8, international prefix 8~10
            DialingRegion(
                plan: plan, nationalPrefixes: [[8]], internationalPrefixes: [[8, 1, 0]], acceptsBareNumber: true)
        case [3, 8, 0]:  // UA: trunk 0, and the older 8 0…
            DialingRegion(
                plan: plan, nationalPrefixes: [[0], [8, 0]], internationalPrefixes: [], acceptsBareNumber: true)
        case [4, 8], [3, 4]:  // PL, ES: no trunk prefix, but a stray leading 0 is common (and in the data set)
            DialingRegion(plan: plan, nationalPrefixes: [[0]], internationalPrefixes: [], acceptsBareNumber: true)
        case [1]:  // NANP: trunk 1, international prefix 011
            DialingRegion(
                plan: plan, nationalPrefixes: [[1]], internationalPrefixes: [[0, 1, 1]], acceptsBareNumber: true)
        case [3, 3]:  // FR: fixed 9 digits, so the bare number is unambiguous
            DialingRegion(plan: plan, nationalPrefixes: [[0]], internationalPrefixes: [], acceptsBareNumber: true)
        case [3, 5, 9], [4, 9], [3, 5, 3], [4, 4]:  // BG, DE, IE, GB: variable length, trunk 0 required
            DialingRegion(plan: plan, nationalPrefixes: [[0]], internationalPrefixes: [], acceptsBareNumber: false)
        default:
            nil
        }
    }
}
