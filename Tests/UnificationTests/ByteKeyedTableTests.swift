import Testing

@testable import Unification

/// `ByteKeyedTable`: a key is found by its bytes alone, through growth, whatever its length;
/// keys that are prefixes of one another or canonically equivalent texts in other forms are
/// different keys; a key inserted twice keeps its first value.
@Suite struct ByteKeyedTableTests {
    func value(_ table: ByteKeyedTable<Int>, _ key: String) -> Int? {
        var key = key
        return key.withUTF8 { table.value(for: $0) }
    }

    func insert(_ table: inout ByteKeyedTable<Int>, _ key: String, _ value: Int) {
        var key = key
        key.withUTF8 { table.insert(value, for: $0) }
    }

    @Test func findsEveryKeyThroughGrowthAndNoOther() {
        var table = ByteKeyedTable<Int>()
        for index in 0..<5_000 { insert(&table, "key \(index)", index) }
        #expect(table.count == 5_000)
        for index in 0..<5_000 { #expect(value(table, "key \(index)") == index) }
        for index in 5_000..<5_100 { #expect(value(table, "key \(index)") == nil) }
        // A table made with room for the keys finds the same.
        var sized = ByteKeyedTable<Int>(capacity: 5_000)
        for index in 0..<5_000 { insert(&sized, "key \(index)", index) }
        for index in 0..<5_000 { #expect(value(sized, "key \(index)") == index) }
        #expect(value(sized, "key 5000") == nil)
    }

    @Test func prefixesEmptyKeysAndUnicodeFormsAreDistinct() {
        var table = ByteKeyedTable<Int>()
        insert(&table, "", 0)
        insert(&table, "Zo", 1)
        insert(&table, "Zoe", 2)
        insert(&table, "Zo\u{EB}", 3)
        insert(&table, "Zoe\u{308}", 4)
        #expect(value(table, "") == 0)
        #expect(value(table, "Zo") == 1)
        #expect(value(table, "Zoe") == 2)
        #expect(value(table, "Zo\u{EB}") == 3)
        #expect(value(table, "Zoe\u{308}") == 4)
        #expect(value(table, "Z") == nil)
        #expect(table.count == 5)
    }

    @Test func aKeyInsertedTwiceKeepsItsFirstValue() {
        var table = ByteKeyedTable<Int>()
        insert(&table, "Berlin", 1)
        insert(&table, "Berlin", 2)
        #expect(value(table, "Berlin") == 1)
        #expect(table.count == 1)
    }
}
