/// Identifiers that are unique by construction: a seed-keyed pseudo-random permutation of a person's index.
///
/// A balanced Feistel network is a bijection on `0..<2^bits`; cycle-walking restricts it to `0..<modulus`, so
/// distinct indices below the modulus never collide, yet neighbouring indices give unrelated-looking numbers.
enum UniqueNumbers {
    /// Keys that keep the permutations of different identifiers independent.
    enum Kind: UInt64 {
        case externalId = 11
        case phone = 12
        case sourceRecord = 13
    }

    /// The 12-digit number behind external id `C…` of person `index` (unique for fewer than 10¹² persons).
    static func externalIdNumber(index: Int, seed: UInt64) -> UInt64 {
        permute(UInt64(index), below: 1_000_000_000_000, seed: seed, kind: .externalId)
    }

    /// The last `digits` digits of person `index`'s phone number (unique within a country while `index` is below
    /// 10^digits, i.e. for at least ten million persons).
    static func phoneTail(index: Int, seed: UInt64, digits: Int) -> UInt64 {
        var modulus: UInt64 = 1
        for _ in 0..<digits { modulus *= 10 }
        return permute(UInt64(index) % modulus, below: modulus, seed: seed, kind: .phone)
    }

    /// A 48-bit number for source record `slot` (person index × 4 + source position); unique below 2⁴⁸ slots.
    static func sourceRecordNumber(slot: Int, seed: UInt64) -> UInt64 {
        permute(UInt64(slot) & ((1 << 48) - 1), bits: 48, seed: seed, kind: .sourceRecord)
    }

    /// A permutation of `0..<modulus` applied to `value` (which must be below `modulus`).
    static func permute(_ value: UInt64, below modulus: UInt64, seed: UInt64, kind: Kind) -> UInt64 {
        var bits = 2
        while bits < 64 && (UInt64(1) << UInt64(bits)) < modulus { bits += 2 }
        var result = permute(value, bits: bits, seed: seed, kind: kind)
        while result >= modulus { result = permute(result, bits: bits, seed: seed, kind: kind) }
        return result
    }

    /// A four-round Feistel permutation of `0..<2^bits` (`bits` even, at most 62).
    static func permute(_ value: UInt64, bits: Int, seed: UInt64, kind: Kind) -> UInt64 {
        let half = UInt64(bits / 2)
        let mask: UInt64 = (1 << half) - 1
        var left = value >> half
        var right = value & mask
        let key = SplitMix64.mix(seed ^ (kind.rawValue &* 0x9E37_79B9_7F4A_7C15))
        for round: UInt64 in 0..<4 {
            let f = SplitMix64.mix((right ^ key) &+ round &* 0xD1B5_4A32_D192_ED03) & mask
            (left, right) = (right, left ^ f)
        }
        return (left << half) | right
    }
}
