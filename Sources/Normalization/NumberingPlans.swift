/// The numbering plans and dialing regions: hand-written ones for the data set's countries, generic ones from the
/// embedded calling-code table for the rest of the world.
enum NumberingPlans {
    /// The plan whose calling code starts `digits` (calling codes are prefix-free), if any.
    static func plan(startingWith digits: ArraySlice<UInt8>) -> NumberingPlan? {
        guard let first = digits.first, first != 0 else { return nil }
        var code = 0
        for digit in digits.prefix(3) {
            code = code * 10 + Int(digit)
            if let plan = byCallingCode[code] { return plan }
        }
        return nil
    }

    /// The dialing region with ISO alpha-2 code `region` (either case), if it has a calling code.
    static func region(_ region: String) -> DialingRegion? {
        var key: UInt16 = 0
        var count = 0
        for byte in region.utf8 {
            guard count < 2, ASCII.isLetter(byte) else { return nil }
            key = key << 8 | UInt16(byte & 0xDF)
            count += 1
        }
        return count == 2 ? byRegion[key] : nil
    }

    /// Plans by calling code.
    static let byCallingCode: [Int: NumberingPlan] = {
        var plans: [Int: NumberingPlan] = [:]
        for line in CallingCodeTableData.records.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false)
            guard fields.count == 4, let code = Int(fields[0]), let low = Int(fields[1]), let high = Int(fields[2])
            else { continue }
            let trunk = digits(fields[3])
            plans[code] = NumberingPlan(
                callingCode: digits(fields[0]), lengths: low...high,
                leadingDigits: trunk == [0] ? NumberingPlan.nonZero : NumberingPlan.anyDigit,
                trunkPrefix: trunk.isEmpty ? nil : trunk, isNorthAmerican: false)
        }
        for plan in curated {
            plans[plan.callingCode.reduce(0) { $0 * 10 + Int($1) }] = plan
        }
        return plans
    }()

    /// Dialing regions by the two upper-case ASCII letters of their code packed into 16 bits.
    static let byRegion: [UInt16: DialingRegion] = {
        var regions: [UInt16: DialingRegion] = [:]
        for line in RegionCallingCodeData.records.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0].utf8.count == 2, let code = Int(fields[1]),
                let plan = byCallingCode[code]
            else { continue }
            let key = fields[0].utf8.reduce(UInt16(0)) { $0 << 8 | UInt16($1) }
            regions[key] = curatedRegion(String(fields[0]), plan: plan) ?? genericRegion(plan)
        }
        return regions
    }()

    /// A region with no hand-written rules: its trunk prefix only, `00` as the international prefix.
    private static func genericRegion(_ plan: NumberingPlan) -> DialingRegion {
        DialingRegion(
            plan: plan, nationalPrefixes: plan.trunkPrefix.map { [$0] } ?? [], internationalPrefixes: [],
            acceptsBareNumber: plan.trunkPrefix == nil || plan.lengths.count == 1)
    }

    /// The digits of an ASCII digit string.
    private static func digits(_ text: Substring) -> [UInt8] {
        text.utf8.map { $0 - 0x30 }
    }
}
