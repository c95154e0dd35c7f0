import Foundation
import Normalization
import Testing
import VaultStore

@testable import Vault

/// What the import-oriented batching of `VaultWriter` must not change: subjects whose rows are
/// written late, identity links given twice or with their token, profile rows of new and old
/// subjects.
@Suite struct WriterBatchingTests {
    @Test func createdSubjectsAreStoredAtTheEndOfTheWriteWithTheirLastJurisdiction() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let (a, b, c) = try temp.vault.write(as: testActor, purpose: "unification", action: "create") { w in
            let a = try w.createSubject(jurisdiction: "gdpr")
            // Changed before the row was written: the change must not be lost.
            try w.setJurisdiction("152fz", of: a)
            let b = try w.createSubject(jurisdiction: "gdpr")
            let c = try w.createSubject(jurisdiction: "152fz")
            #expect(try w.exists(b) && w.jurisdiction(of: c) == "152fz")
            return (a, b, c)
        }
        #expect(try temp.vault.subjectInfo(a)?.jurisdiction == "152fz")
        #expect(try temp.vault.subjectInfo(b)?.jurisdiction == "gdpr")
        #expect(try temp.vault.subjectInfo(c)?.jurisdiction == "152fz")
        #expect(try temp.vault.statistics().subjects == 3)
        // The audit entry of the write names all three.
        var filter = AuditFilter()
        filter.action = "create"
        #expect(try temp.vault.auditEntries(matching: filter).last?.subjectCount == 3)
    }

    @Test func aFailedWriteLeavesNoCreatedSubject() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try temp.vault.write(as: testActor, purpose: "unification") { w in
                _ = try w.createSubject(jurisdiction: "gdpr")
                // Forces the pending row out, then fails: the transaction rolls it back.
                try w.setFields([])
                _ = try w.createSubject(jurisdiction: "gdpr")
                throw Stop()
            }
        }
        #expect(try temp.vault.statistics().subjects == 0)
    }

    @Test func manySubjectsCreatedInOneWriteAllArrive() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let ids = try temp.vault.write(as: testActor, purpose: "unification") { w in
            try (0..<300).map { _ in try w.createSubject(jurisdiction: "gdpr") }
        }
        #expect(Set(ids).count == 300)
        #expect(try temp.vault.statistics().subjects == 300)
        for id in ids { #expect(try temp.vault.subjectInfo(id) != nil) }
        // Ids minted in one write carry its time.
        #expect(Set(ids.map(\.mintedAt)).count == 1)
    }

    @Test func aLinkGivenTwiceIsOneRowAndAGivenTokenEqualsTheComputedOne() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let (a, b) = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let a = try w.createSubject(jurisdiction: "gdpr")
            let b = try w.createSubject(jurisdiction: "gdpr")
            let token = w.identityTokenWords(.email, normalized: "shared@example.com")
            #expect(
                w.identityToken(.email, normalized: "shared@example.com")
                    == withUnsafeBytes(of: (token.high.bigEndian, token.low.bigEndian)) { Array($0) })
            try w.link([
                .init(.email, normalized: "shared@example.com", to: a),
                .init(.email, normalized: "shared@example.com", token: token, to: a),
                .init(.email, normalized: "shared@example.com", token: token, to: b),
                .init(.phone, normalized: "+4915112345678", to: a),
                .init(.phone, normalized: "+4915112345678", to: a),
            ])
            return (a, b)
        }
        #expect(Set(try temp.vault.subjects(with: .email, normalized: "shared@example.com")) == [a, b])
        #expect(try temp.vault.subjects(with: .phone, normalized: "+4915112345678") == [a])
        #expect(try temp.vault.statistics().identities == 3)
    }

    @Test func bulkFieldsOfAnOlderSubjectKeepItsOtherFieldsAndRectificationMarks() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let subject = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let subject = try w.createSubject(jurisdiction: "gdpr")
            try w.setFields([
                .init(subject: subject, field: "first_name", value: .string("Ada"), source: "crm"),
                .init(subject: subject, field: "city", value: .string("Berlin"), source: "crm"),
            ])
            try w.markRectified("city", of: subject)
            return subject
        }
        // A later transaction: the subject has a row, which is read and merged.
        try temp.vault.write(as: testActor, purpose: "unification") { w in
            try w.setFields([
                .init(subject: subject, field: "city", value: .string("Hamburg"), source: "web"),
                .init(subject: subject, field: "email", value: .string("ada@example.com"), source: "web"),
            ])
        }
        let fields = try temp.vault.store.read { db in
            try temp.vault.decryptFields(
                of: try SubjectRecord.load(subject, in: db)!, names: nil, withTimes: true, in: db)
        }
        #expect(fields.map(\.name) == ["city", "email", "first_name"])
        #expect(fields.map(\.value) == [.string("Hamburg"), .string("ada@example.com"), .string("Ada")])
        #expect(fields.map(\.source) == ["web", "web", "crm"])
        #expect(fields[0].times?.rectifiedAt != nil && fields[1].times?.rectifiedAt == nil)
        #expect(try temp.vault.statistics().fieldValues == 3)
    }

    @Test func aSubjectGivenFieldsOneByOneThenInBulkInOneWriteKeepsBoth() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let subject = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let subject = try w.createSubject(jurisdiction: "gdpr")
            try w.setField("first_name", of: subject, to: .string("Ada"), source: "crm")
            try w.setFields([.init(subject: subject, field: "city", value: .string("Berlin"), source: "crm")])
            try w.setFields([.init(subject: subject, field: "email", value: .string("a@example.com"), source: "crm")])
            return subject
        }
        let names = try temp.vault.store.read { db in
            try temp.vault.decryptFields(of: try SubjectRecord.load(subject, in: db)!, names: nil, in: db).map(\.name)
        }
        #expect(names == ["city", "email", "first_name"])
    }

    @Test func bulkWritesOverManyTransactionsEqualAModelOfTheLastValues() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let names = ["birth_date", "city", "country", "email", "first_name", "gender", "last_name", "phone"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var model: [SubjectID: [String: String]] = [:]
        var subjects: [SubjectID] = []
        for round in 0..<6 {
            try temp.vault.write(as: testActor, purpose: "unification") { w in
                for _ in 0..<3 { subjects.append(try w.createSubject(jurisdiction: "gdpr")) }
                var writes: [VaultWriter.FieldWrite] = []
                for _ in 0..<40 {
                    let subject = subjects[next(subjects.count)]
                    let name = names[next(names.count)]
                    let value = "v\(round)-\(next(1000))"
                    writes.append(.init(subject: subject, field: name, value: .string(value), source: "s\(round)"))
                    model[subject, default: [:]][name] = value
                }
                try w.setFields(writes)
            }
        }
        for subject in subjects {
            let stored = try temp.vault.store.read { db in
                try temp.vault.decryptFields(of: try SubjectRecord.load(subject, in: db)!, names: nil, in: db)
            }
            #expect(stored.map(\.name) == stored.map(\.name).sorted())
            #expect(Dictionary(uniqueKeysWithValues: stored.map { ($0.name, $0.value.text) }) == model[subject] ?? [:])
        }
        #expect(try temp.vault.statistics().fieldValues == model.values.reduce(0) { $0 + $1.count })
    }

    @Test func textRanksFindTextsOutOfTheirCycle() {
        let texts = ["b", "a", "c", "a", "b", "c", "c", "a", "d", "b"]
        let ranks = TextRanks(count: texts.count, text: { texts[$0] }, precedes: <)
        #expect(ranks.texts == ["b", "a", "c", "d"])
        #expect(ranks.rankOfItem == [1, 0, 2, 0, 1, 2, 2, 0, 3, 1])
    }
}
