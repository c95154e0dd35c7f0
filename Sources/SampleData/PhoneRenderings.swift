/// The ways sources write one phone number; the first rendering is canonical E.164.
enum PhoneRenderings {
    /// E.164 alone at dirt level 0; national and international variants of the country otherwise.
    static func renderings(national n: String, country: CountryTable, dirt: SampleDirtLevel) -> [String] {
        let e164 = "+" + country.callingCode + n
        guard dirt != .clean else { return [e164] }
        let d = Array(n)
        func part(_ from: Int, _ to: Int) -> String { String(d[from..<min(to, d.count)]) }
        let cc = country.callingCode
        switch country.code {
        case "RU", "KZ":
            return [
                e164, "+7 (\(part(0, 3))) \(part(3, 6))-\(part(6, 8))-\(part(8, 10))",
                "8 \(part(0, 3)) \(part(3, 6)) \(part(6, 8)) \(part(8, 10))", "8" + n,
                "8 (\(part(0, 3))) \(part(3, 10))",
            ]
        case "UA":
            return [e164, "+380 (\(part(0, 2))) \(part(2, 5))-\(part(5, 7))-\(part(7, 9))", "0" + n, "380" + n]
        case "BG":
            return [e164, "+359 \(part(0, 2)) \(part(2, 5)) \(part(5, 9))", "0" + n, "00359" + n]
        case "DE":
            return [
                e164, "0049 \(part(0, 3)) \(part(3, 10))", "0\(part(0, 3)) \(part(3, 10))",
                "+49 (0)\(part(0, 3)) \(part(3, 10))",
            ]
        case "FR":
            return [
                e164, "+33 \(part(0, 1)) \(part(1, 3)) \(part(3, 5)) \(part(5, 7)) \(part(7, 9))",
                "0\(part(0, 1)) \(part(1, 3)) \(part(3, 5)) \(part(5, 7)) \(part(7, 9))", "0" + n,
            ]
        case "PL":
            return [
                e164, "+48 \(part(0, 3)) \(part(3, 6)) \(part(6, 9))", "\(part(0, 3))-\(part(3, 6))-\(part(6, 9))",
                "0048" + n,
            ]
        case "ES":
            return [e164, "+34 \(part(0, 3)) \(part(3, 5)) \(part(5, 7)) \(part(7, 9))", n, "0034" + n]
        default:
            return [
                e164, "+\(cc) \(part(0, 2)) \(part(2, 5)) \(part(5, 9))", "0\(part(0, 2)) \(part(2, 5)) \(part(5, 9))",
                "00\(cc)" + n,
            ]
        }
    }
}
