/// Realistic variations of canonical values (dirt level 1 and above).
enum Mess {
    /// The e-mail with changed case (a quarter of the time) and surrounding spaces (15%).
    static func email(_ email: String, dirt: SampleDirtLevel, _ random: inout RandomSource) -> String {
        guard dirt != .clean else { return email }
        var result = email
        if random.chance(0.25) {
            result = random.chance(0.3) ? email.uppercased() : email.prefix(1).uppercased() + email.dropFirst()
        }
        if random.chance(0.15) { result = " " + result + " " }
        return result
    }

    /// The name with `ё` spelt `е` (30% of names holding it) or in capitals (3%).
    static func name(_ name: String, dirt: SampleDirtLevel, _ random: inout RandomSource) -> String {
        guard dirt != .clean else { return name }
        if containsYo(name), random.chance(0.3) {
            return String(name.map { $0 == "ё" ? "е" : ($0 == "Ё" ? "Е" : $0) })
        }
        if random.chance(0.03) { return name.uppercased() }
        return name
    }

    /// Whether `name` holds `ё` (UTF-8 D1 91) or `Ё` (D0 81), checked on bytes for speed.
    private static func containsYo(_ name: String) -> Bool {
        var previous: UInt8 = 0
        for byte in name.utf8 {
            if (previous == 0xD1 && byte == 0x91) || (previous == 0xD0 && byte == 0x81) { return true }
            previous = byte
        }
        return false
    }
}
