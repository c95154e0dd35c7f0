/// Numbers people type when they do not want to give theirs: they must never become identifiers.
enum PlaceholderNumber {
    /// Whether `number` (a national significant number) is one digit repeated, one digit followed by one digit
    /// repeated (7+ digits, e.g. 9000000000), or a run of consecutive digits up or down (6+ digits, e.g. 1234567890).
    static func isPlaceholder(_ number: ArraySlice<UInt8>) -> Bool {
        guard number.count >= 2 else { return false }
        let rest = number.dropFirst()
        if let second = rest.first, rest.allSatisfy({ $0 == second }) {
            return number.first == second || number.count >= 7
        }
        guard number.count >= 6 else { return false }
        var up = true
        var down = true
        var previous = number[number.startIndex]
        for digit in rest {
            if digit != (previous + 1) % 10 { up = false }
            if digit != (previous + 9) % 10 { down = false }
            previous = digit
        }
        return up || down
    }
}
