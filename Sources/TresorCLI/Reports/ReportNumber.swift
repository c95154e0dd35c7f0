/// Formats counts with thin-space digit groups, the same in every language ("1 234 567").
enum ReportNumber {
    /// `number` with groups of three digits separated by a narrow no-break space.
    static func grouped<N: BinaryInteger>(_ number: N) -> String {
        let digits = String(number.magnitude)
        var grouped = ""
        grouped.reserveCapacity(digits.utf8.count + digits.utf8.count / 3 * 3)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "\u{202F}" }
            grouped.append(digit)
        }
        return number < 0 ? "−" + grouped : grouped
    }
}
