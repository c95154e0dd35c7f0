import Testing

@testable import Vault

/// The cache answers with the text of the bytes it is given, whatever it saw before at that position.
@Suite struct RowTextCacheTests {
    func text(_ cache: RowTextCache, _ value: String, at position: Int) -> String {
        var value = value
        return value.withUTF8 { cache.text(UnsafeRawBufferPointer($0), at: position) }
    }

    @Test func returnsTheTextOfTheBytesGivenAtEachPosition() {
        let cache = RowTextCache()
        let long = String(repeating: "x", count: RowTextCache.slotSize + 1)
        let inputs = ["email", "email", "phone", "", "", "emaik", "город", long, long, "e"]
        for (round, value) in inputs.enumerated() {
            #expect(text(cache, value, at: 0) == value, "round \(round)")
            #expect(text(cache, value, at: round) == value)
            #expect(text(cache, value, at: RowTextCache.capacity + round) == value)
        }
    }

    @Test func aSameLengthTextAtTheSamePositionIsNotTakenForTheCachedOne() {
        let cache = RowTextCache()
        #expect(text(cache, "crm", at: 3) == "crm")
        #expect(text(cache, "web", at: 3) == "web")
        #expect(text(cache, "crm", at: 3) == "crm")
    }
}
