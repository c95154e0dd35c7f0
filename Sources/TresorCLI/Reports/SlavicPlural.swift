/// Picks the Russian or Ukrainian plural form of a noun after a number (1 день, 2 дня, 5 дней).
enum SlavicPlural {
    /// `one` for 1, 21, 31...; `few` for 2–4, 22–24...; `many` for 0, 5–20, 25–30...
    static func form(_ count: Int, one: String, few: String, many: String) -> String {
        let lastTwo = count.magnitude % 100
        let last = count.magnitude % 10
        if (11...14).contains(lastTwo) { return many }
        if last == 1 { return one }
        if (2...4).contains(last) { return few }
        return many
    }
}
