import Foundation

/// A table from byte strings to values that looks keys up in place, without making a `String`.
///
/// Keys compare byte for byte (two canonically equivalent texts in different forms are two keys)
/// and hash with the standard library's seeded hasher over their bytes, so that hostile input
/// cannot aim for collisions. Keys live end to end in one byte array; the slots are open
/// addressing with linear probing, kept at most half full. Entries are never removed.
struct ByteKeyedTable<Value> {
    /// Every key's bytes, end to end; key `i` spans `ends[i - 1] ..< ends[i]`.
    private var keyBytes: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [Int] = []
    private var values: [Value] = []
    /// Entry index + 1 per slot, 0 for an empty slot; the count is a power of two.
    private var slots: [Int32] = Array(repeating: 0, count: 16)

    /// An empty table.
    init() {}

    /// An empty table with room for `capacity` keys before it grows.
    init(capacity: Int) {
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount *= 2 }
        slots = Array(repeating: 0, count: slotCount)
        ends.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// The number of keys.
    var count: Int { values.count }

    /// The value of `key`, if the table holds it.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Value? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if hashes[entry - 1] == hash, matches(entry - 1, key) { return values[entry - 1] }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `key` with `value`; a key already present keeps its value.
    mutating func insert(_ value: Value, for key: UnsafeBufferPointer<UInt8>) {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if hashes[entry] == hash, matches(entry, key) { return }
            slot = (slot + 1) & mask
        }
        keyBytes.append(contentsOf: key)
        ends.append(keyBytes.count)
        hashes.append(hash)
        values.append(value)
        if values.count * 2 > slots.count {
            grow()
            return
        }
        slots[slot] = Int32(values.count)
    }

    /// Doubles the slots and places every entry again.
    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for entry in hashes.indices {
            var slot = hashes[entry] & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }

    private func matches(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = entry == 0 ? 0 : ends[entry - 1]
        guard ends[entry] - start == key.count else { return false }
        return keyBytes.withUnsafeBufferPointer { stored in
            key.isEmpty || memcmp(stored.baseAddress! + start, key.baseAddress!, key.count) == 0
        }
    }

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(key))
        return hasher.finalize() & Int.max
    }
}
