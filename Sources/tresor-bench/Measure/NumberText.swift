import Foundation

/// Number formatting for the table and the document (locale-independent).
enum NumberText {
    /// `value` with `digits` decimals.
    static func fixed(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// An integer with thousands separators: 1,234,567.
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// A bound as written in a target: no trailing zeros, thousands with `k`/`M` (100k, 1M, 20, 0.75).
    static func plain(_ value: Double) -> String {
        if value >= 1_000_000 && value.truncatingRemainder(dividingBy: 1_000_000) == 0 {
            return "\(Int(value / 1_000_000))M"
        }
        if value >= 1_000 && value.truncatingRemainder(dividingBy: 1_000) == 0 { return "\(Int(value / 1_000))k" }
        if value == value.rounded() { return String(Int(value)) }
        return String(value)
    }

    /// A figure with 3 significant digits and a k/M suffix for large rates: 312k, 1.52M, 18.4, 0.781.
    static func figure(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1_000_000 { return significant(value / 1_000_000) + "M" }
        if magnitude >= 10_000 { return significant(value / 1_000) + "k" }
        if magnitude >= 1_000 { return fixed(value, digits: 0) }
        return significant(value)
    }

    private static func significant(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 100 { return fixed(value, digits: 0) }
        if magnitude >= 10 { return fixed(value, digits: 1) }
        if magnitude >= 1 { return fixed(value, digits: 2) }
        return fixed(value, digits: 3)
    }

    /// KiB as MiB with one decimal.
    static func mebibytes(_ kibibytes: Int) -> String { fixed(Double(kibibytes) / 1024, digits: 1) + " MiB" }
}
