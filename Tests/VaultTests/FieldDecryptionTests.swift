import Testing
import VaultCrypto
import VaultStore

@testable import Vault

/// The allocation-free field read path (`FieldDecryptor`, `Binding.fieldPrefix`, `FieldNameFilter`,
/// `FieldValue.decode` of a buffer) must read exactly what the array-based code wrote and reject
/// exactly what it rejected.
@Suite struct FieldDecryptionTests {
    let subject = SubjectID(bytes: (1...16).map(UInt8.init))!

    @Test(arguments: ["email", "", "имя", "a_rather_long_field_name_of_forty_bytes__"])
    func prefixThenNameIsTheFieldsAssociatedData(name: String) {
        #expect(Binding.fieldPrefix(subject) + Array(name.utf8) == Binding.field(subject, name))
        #expect(Binding.fieldPrefix(subject).count == 17)
    }

    @Test(arguments: [
        FieldValue.string("Алексей Иванов"), .string(""), .date("1983-05-20"), .number(-12.375), .number(42),
        .list(["vip", "Москва", ""]), .list([]),
    ])
    func valuesDecodeFromABufferAsFromAnArray(value: FieldValue) {
        let encoded = value.encoded()
        #expect(encoded.withUnsafeBytes { FieldValue.decode($0) } == value)
        #expect(FieldValue.decode(encoded) == value)
    }

    @Test func truncatedNumbersAndListsDecodeToNil() {
        for value in [FieldValue.number(1), .list(["abc", "de"])] {
            let encoded = value.encoded()
            for length in 0..<encoded.count {
                #expect(Array(encoded.prefix(length)).withUnsafeBytes { FieldValue.decode($0) } == nil)
            }
        }
    }

    @Test func openReadsASealedValueAndRejectsAnotherPlace() throws {
        let key = try DataKey.generate()
        let sealed = try AEAD.seal(
            FieldValue.string("alexey@example.org").encoded(), key: key, keyVersion: 1,
            associatedData: Binding.field(subject, "email"))
        #expect(try open(sealed, key: key, subject: subject, name: "email") == .string("alexey@example.org"))
        #expect(throws: VaultError.self) { try open(sealed, key: key, subject: subject, name: "phone") }
        let other = SubjectID(bytes: [UInt8](repeating: 7, count: 16))!
        #expect(throws: VaultError.self) { try open(sealed, key: key, subject: other, name: "email") }
        #expect(throws: VaultError.self) {
            try open(sealed, key: try DataKey.generate(), subject: subject, name: "email")
        }
    }

    private func open(_ sealed: [UInt8], key: DataKey, subject: SubjectID, name: String) throws -> FieldValue {
        let decryptor = FieldDecryptor(subject: subject, key: key, subkeys: try SubkeyCache())
        return try sealed.withUnsafeBytes { sealed in
            try bytes(name).withUnsafeBytes { try decryptor.open(sealed, name: $0) }
        }
    }

    @Test func filterMatchesNamesAsBytes() {
        let filter = FieldNameFilter(["email", "phone", "имя"])
        for (name, expected) in [("email", true), ("имя", true), ("emai", false), ("emails", false), ("", false)] {
            #expect(bytes(name).withUnsafeBytes { filter.contains($0) } == expected, "\(name)")
        }
    }

    @Test func decryptFieldsHonoursTheFilter() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let id = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let id = try w.createSubject(jurisdiction: "gdpr")
            try w.setField("email", of: id, to: .string("a@example.org"), source: "crm")
            try w.setField("phone", of: id, to: .string("+49301234567"), source: "web")
            try w.setField("city", of: id, to: .string("Berlin"), source: "crm")
            return id
        }
        let fields = try temp.vault.store.read { db in
            try temp.vault.decryptFields(of: try SubjectRecord.load(id, in: db)!, names: ["phone", "city"], in: db)
        }
        #expect(Set(fields.map(\.name)) == ["phone", "city"])
        #expect(fields.first { $0.name == "city" }?.source == "crm")
        #expect(fields.first { $0.name == "phone" }?.source == "web")
        #expect(fields.first { $0.name == "phone" }?.value == .string("+49301234567"))
    }

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}

/// The field times (`updated_at`, `rectified_at`) are read only when asked for.
@Suite struct FieldTimesTests {
    @Test func timesComeOnlyWithTimes() throws {
        let temp = try TemporaryVault()
        defer { temp.remove() }
        let id = try temp.vault.write(as: testActor, purpose: "unification") { w in
            let id = try w.createSubject(jurisdiction: "gdpr")
            try w.setField("email", of: id, to: .string("a@example.org"), source: "crm")
            try w.setField("city", of: id, to: .string("Berlin"), source: "web")
            try w.markRectified("city", of: id)
            return id
        }
        let (plain, timed) = try temp.vault.store.read { db in
            let record = try SubjectRecord.load(id, in: db)!
            return (
                try temp.vault.decryptFields(of: record, names: nil, in: db),
                try temp.vault.decryptFields(of: record, names: nil, withTimes: true, in: db)
            )
        }
        #expect(plain.allSatisfy { $0.times == nil })
        #expect(plain.map(\.source).sorted() == ["crm", "web"])
        let now = temp.vault.now()
        #expect(timed.first { $0.name == "email" }?.times?.updatedAt == now)
        #expect(timed.first { $0.name == "email" }?.times.map { $0.rectifiedAt == nil } == true)
        #expect(timed.first { $0.name == "city" }?.times?.rectifiedAt == now)
        #expect(timed.map(\.value) == plain.map(\.value))
    }
}
