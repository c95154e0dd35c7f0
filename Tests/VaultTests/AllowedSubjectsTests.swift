import Testing

@testable import Vault

/// Lookups in increasing id order walk the list once; any other order still answers correctly.
@Suite struct AllowedSubjectsTests {
    func makeAllowed() throws -> (AllowedSubjects, [SubjectID], [SubjectID]) {
        let all = try (0..<40).map { _ in try SubjectID.random() }.sorted()
        var allowed = AllowedSubjects()
        let narrow = allowed.addFieldSet(["city"])
        let wide = allowed.addFieldSet(["city", "country"])
        var members: [SubjectID] = []
        for (index, id) in all.enumerated() where index % 3 != 0 {
            allowed.append(id, fieldSet: index % 2 == 0 ? narrow : wide)
            members.append(id)
        }
        return (allowed, all, members)
    }

    @Test func answersInIncreasingOrder() throws {
        var (allowed, all, members) = try makeAllowed()
        #expect(allowed.count == members.count)
        #expect(allowed.ids == members)
        for (index, id) in all.enumerated() {
            let fields = allowed.fields(of: id)
            if index % 3 == 0 {
                #expect(fields == nil)
            } else {
                #expect(fields == (index % 2 == 0 ? ["city"] : ["city", "country"]))
            }
        }
    }

    @Test func answersInAnyOrder() throws {
        var (allowed, all, members) = try makeAllowed()
        let memberSet = Set(members)
        for id in all.shuffled() + all.reversed() + [all[5], all[5], all[1]] {
            #expect((allowed.fields(of: id) != nil) == memberSet.contains(id))
        }
        #expect(allowed.fields(of: try SubjectID.random()) == nil || memberSet.count == all.count)
    }

    @Test func anEmptyListAllowsNoOne() throws {
        var allowed = AllowedSubjects()
        #expect(allowed.isEmpty)
        #expect(allowed.fields(of: try SubjectID.random()) == nil)
    }
}
