import Foundation
import Normalization
import Testing
import VaultStore

@testable import Vault

/// The bulk writes of `VaultWriter+Bulk` leave what the single writes called in turn leave.
@Suite struct BulkWriteTests {
    /// Each field of `subject` as "value@source".
    func fields(_ vault: Vault, _ subject: SubjectID) throws -> [String: String] {
        try vault.store.read { db in
            var sources: [String: String] = [:]
            for entry in try StoredProfile.load(subject, in: db).entries { sources[entry.name] = entry.source }
            var found: [String: String] = [:]
            for field in try vault.decryptFields(of: try SubjectRecord.load(subject, in: db)!, names: nil, in: db) {
                found[field.name] = "\(field.value.text)@\(sources[field.name] ?? "")"
            }
            return found
        }
    }

    @Test func laterValuesWinAndTheAuditListsFieldsInTheOrderGiven() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let (a, b) = try temp.vault.write(as: testActor, purpose: "unification", action: "bulk") { w in
            let a = try w.createSubject(jurisdiction: "gdpr")
            let b = try w.createSubject(jurisdiction: "gdpr")
            try w.setFields([
                .init(subject: a, field: "first_name", value: .string("Anna"), source: "web"),
                .init(subject: b, field: "email", value: .string("b1@example.com"), source: "crm"),
                .init(subject: a, field: "first_name", value: .string("Anne"), source: "crm"),
                .init(subject: a, field: "city", value: .string("Köln"), source: "pos"),
                .init(subject: b, field: "email", value: .string("b2@example.com"), source: "pos"),
            ])
            try w.link([
                .init(.email, normalized: "b2@example.com", to: b), .init(.email, normalized: "b2@example.com", to: b),
                .init(.externalID, normalized: "C1", to: a),
            ])
            try w.recordSources([
                .init(source: "crm", recordID: "r1", subject: a), .init(source: "crm", recordID: "r1", subject: b),
                .init(source: "crm", recordID: "r0", subject: a),
            ])
            return (a, b)
        }
        #expect(try fields(temp.vault, a) == ["first_name": "Anne@crm", "city": "Köln@pos"])
        #expect(try fields(temp.vault, b) == ["email": "b2@example.com@pos"])
        #expect(try temp.vault.subjects(with: .email, normalized: "b2@example.com") == [b])
        #expect(try temp.vault.subjects(with: .externalID, normalized: "C1") == [a])
        var links: [String] = []
        try temp.vault.sourceLinks { source, record, subject in
            links.append("\(source)/\(record)=\(subject == a ? "a" : "b")")
        }
        #expect(links == ["crm/r0=a", "crm/r1=b"])
        var filter = AuditFilter()
        filter.action = "bulk"
        let entry = try #require(try temp.vault.auditEntries(matching: filter).last)
        #expect(entry.fields == "first_name,email,city")
        #expect(entry.subjectCount == 2)
    }

    @Test func manyRowsGoThroughMultiRowInserts() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let count = VaultWriter.rowsPerInsert * 2 + 7
        let subjects = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let subjects = try (0..<count).map { _ in try w.createSubject(jurisdiction: "gdpr") }
            var writes: [VaultWriter.FieldWrite] = []
            for (index, subject) in subjects.enumerated() {
                writes.append(.init(subject: subject, field: "city", value: .string("old \(index)"), source: "web"))
                writes.append(
                    .init(subject: subject, field: "email", value: .string("p\(index)@example.com"), source: "crm"))
                writes.append(.init(subject: subject, field: "city", value: .string("city \(index)"), source: "pos"))
            }
            try w.setFields(writes)
            try w.link(
                subjects.enumerated().map { .init(.email, normalized: "p\($0.offset)@example.com", to: $0.element) })
            try w.recordSources(
                subjects.enumerated().map { .init(source: "crm", recordID: "r\($0.offset)", subject: $0.element) })
            return subjects
        }
        for (index, subject) in subjects.enumerated() where index % 37 == 0 || index == count - 1 {
            #expect(
                try fields(temp.vault, subject) == ["city": "city \(index)@pos", "email": "p\(index)@example.com@crm"])
            #expect(try temp.vault.subjects(with: .email, normalized: "p\(index)@example.com") == [subject])
        }
        var links = 0
        try temp.vault.sourceLinks { _, _, _ in links += 1 }
        #expect(links == count)
        #expect(try temp.vault.statistics().fieldValues == count * 2)
    }
}
