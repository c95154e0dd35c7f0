import Policy
import Testing

@testable import Vault

@Suite struct SubjectStatusTableTests {
    /// An id from its two halves, written big-endian as the vault stores it.
    func id(_ high: UInt64, _ low: UInt64) -> SubjectID {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: high.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: low.bigEndian) { bytes.append(contentsOf: $0) }
        return SubjectID(bytes: bytes)!
    }

    @Test func emptyTableHoldsNothing() throws {
        let table = SubjectStatusTable(ids: [], statuses: [])
        #expect(table.count == 0)
        #expect(table.status(of: try SubjectID.random()) == .absent)
        #expect(table.status(of: id(0, 0)) == .absent)
        #expect(table.count(of: .granted) == 0)
    }

    @Test func idsSharingTheirFirstEightBytesKeepTheirOwnStatus() {
        let a = id(0x0123_4567_89AB_CDEF, 1)
        let b = id(0x0123_4567_89AB_CDEF, 2)
        let c = id(0x0123_4567_89AB_CDEF, 3)
        let table = SubjectStatusTable(ids: [a, b, c], statuses: [.granted, .withdrawn, .expired])
        #expect(table.count == 3)
        #expect(table.status(of: a) == .granted)
        #expect(table.status(of: b) == .withdrawn)
        #expect(table.status(of: c) == .expired)
        #expect(table.status(of: id(0x0123_4567_89AB_CDEF, 4)) == .absent)
        #expect(table.status(of: id(0x0123_4567_89AB_CDEF, 0)) == .absent)
        #expect(table.status(of: id(1, 1)) == .absent)
    }

    @Test func idsSharingTheirLastEightBytesKeepTheirOwnStatus() {
        // The probe starts from the second half; ids minted in one millisecond differ only there.
        let a = id(1, 0x0123_4567_89AB_CDEF)
        let b = id(2, 0x0123_4567_89AB_CDEF)
        let c = id(3, 0x0123_4567_89AB_CDEF)
        let table = SubjectStatusTable(ids: [a, b, c], statuses: [.granted, .withdrawn, .expired])
        #expect(table.status(of: a) == .granted)
        #expect(table.status(of: b) == .withdrawn)
        #expect(table.status(of: c) == .expired)
        #expect(table.status(of: id(4, 0x0123_4567_89AB_CDEF)) == .absent)
        #expect(table.status(of: id(1, 1)) == .absent)
    }

    @Test func everyIdOfAFullTableIsFoundAndOthersAreAbsent() throws {
        let all: [ConsentStatus] = [.granted, .withdrawn, .refused, .expired]
        let ids = try (0..<5_000).map { _ in try SubjectID.random() }
        // Also clusters sharing their second half (where probes start), so probes run past each other.
        let clustered = (0..<2_000).map { id(UInt64($0), UInt64.max - UInt64($0 / 40)) }
        let every = ids + clustered
        let statuses = every.indices.map { all[$0 % all.count] }
        let table = SubjectStatusTable(ids: every, statuses: statuses)
        #expect(table.count == every.count)
        for (index, subject) in every.enumerated() {
            #expect(table.status(of: subject) == statuses[index])
        }
        for _ in 0..<1_000 {
            #expect(table.status(of: try SubjectID.random()) == .absent)
        }
        #expect(table.status(of: id(40, UInt64.max)) == .absent)
        for status in all {
            #expect(table.count(of: status) == statuses.count { $0 == status })
        }
        #expect(table.count(of: .absent) == 0)
    }

    @Test func aRepeatedIdTakesItsLastStatus() {
        let a = id(7, 7)
        let table = SubjectStatusTable(ids: [a, id(8, 8), a], statuses: [.granted, .refused, .withdrawn])
        #expect(table.count == 2)
        #expect(table.status(of: a) == .withdrawn)
        #expect(table.count(of: .granted) == 0 && table.count(of: .withdrawn) == 1 && table.count(of: .refused) == 1)
    }
}
