import Testing

@testable import Vault

/// The profile row layout (`ProfileBody`, `StoredProfile`), the buffer it is built in
/// (`ByteWriter`) and the key order of bulk field writes (`VaultWriter.lastWritePerField`).
@Suite struct ProfileBodyTests {
    let subject = SubjectID(bytes: (101...116).map(UInt8.init))!
    /// A source that occurs nowhere else, so that an error message quoting it would be caught.
    let marker = "crm-marker-7"

    // MARK: Helpers

    /// `value` as `size` little-endian bytes, computed without the code under test.
    static func littleEndian(_ value: UInt64, size: Int) -> [UInt8] {
        (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    /// One entry laid out by hand as `ProfileBody` documents it.
    static func entryBytes(_ entry: StoredProfile.Entry) -> [UInt8] {
        let name = Array(entry.name.utf8)
        let source = Array(entry.source.utf8)
        return littleEndian(UInt64(name.count), size: 4) + name + littleEndian(UInt64(source.count), size: 4) + source
            + littleEndian(UInt64(bitPattern: entry.updatedAt), size: 8)
            + littleEndian(UInt64(bitPattern: entry.rectifiedAt ?? Int64.min), size: 8)
            + littleEndian(UInt64(entry.sealed.count), size: 4) + entry.sealed
    }

    /// The entries `ProfileBody.forEach` visits in `body`, with their positions.
    func visit(_ body: [UInt8]) throws -> [(entry: StoredProfile.Entry, position: Int)] {
        var visited: [(entry: StoredProfile.Entry, position: Int)] = []
        try body.withUnsafeBytes { body in
            try ProfileBody.forEach(body, subject: subject) { entry, position in
                visited.append(
                    (
                        StoredProfile.Entry(
                            name: String(decoding: entry.name, as: UTF8.self), sealed: Array(entry.sealed),
                            source: String(decoding: entry.source, as: UTF8.self), updatedAt: entry.updatedAt,
                            rectifiedAt: entry.rectifiedAt), position
                    ))
            }
        }
        return visited
    }

    /// The error `ProfileBody.forEach` throws for `body`; nil when it throws none.
    func forEachError(_ body: [UInt8]) -> VaultError? {
        do {
            _ = try visit(body)
            return nil
        } catch let error as VaultError {
            return error
        } catch {
            Issue.record("not a VaultError: \(error)")
            return nil
        }
    }

    func decode(_ body: [UInt8]) throws -> StoredProfile {
        try body.withUnsafeBytes { try StoredProfile(body: $0, subject: subject) }
    }

    /// Two entries whose source is the marker, and the body holding them.
    var twoEntries: (entries: [StoredProfile.Entry], body: [UInt8]) {
        let entries = [
            StoredProfile.Entry(
                name: "city", sealed: [9, 8, 7, 0, 6, 5], source: marker, updatedAt: 1_790_000_000_123,
                rectifiedAt: nil),
            StoredProfile.Entry(
                name: "email", sealed: (0..<40).map { UInt8($0 * 7 % 256) }, source: marker,
                updatedAt: 1_790_000_000_456, rectifiedAt: 1_790_000_000_789),
        ]
        var profile = StoredProfile()
        for entry in entries.reversed() { profile.set(entry) }
        return (entries, profile.encoded())
    }

    // MARK: StoredProfile

    @Test func encodedProfileDecodesToTheSameEntries() throws {
        let entries = [
            StoredProfile.Entry(name: "", sealed: [], source: "", updatedAt: 0, rectifiedAt: nil),
            StoredProfile.Entry(
                name: "birth_date", sealed: [0, 0, 0, 1, 255], source: "web", updatedAt: -5, rectifiedAt: 0),
            StoredProfile.Entry(
                name: "email", sealed: (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 31) }, source: "crm",
                updatedAt: Int64.max, rectifiedAt: Int64.max),
            StoredProfile.Entry(
                name: "имя", sealed: [1, 2, 3], source: "источник", updatedAt: 1_790_000_000_000,
                rectifiedAt: 1_790_000_000_001),
            StoredProfile.Entry(
                name: "phone", sealed: [42], source: "pos", updatedAt: Int64.min + 1, rectifiedAt: nil),
        ]
        var profile = StoredProfile()
        for entry in [entries[3], entries[1], entries[4], entries[0], entries[2]] { profile.set(entry) }
        let expected = entries.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        #expect(profile.entries == expected)
        #expect(profile.count == 5)

        let body = profile.encoded()
        #expect(body == [1] + expected.flatMap(Self.entryBytes))
        let decoded = try decode(body)
        #expect(decoded.entries == expected)
        #expect(decoded.names == expected.map(\.name))
        #expect(decoded.entry(named: "birth_date")?.rectifiedAt == 0)
        #expect(decoded.entry(named: "phone")?.rectifiedAt == nil)
        #expect(decoded.entry(named: "email")?.sealed.count == 300)
        let visited = try visit(body)
        #expect(visited.map(\.position) == Array(0..<5))
        #expect(visited.map(\.entry) == expected)

        // Encoding into a writer that already holds bytes appends after them.
        let writer = ByteWriter(capacity: 16)
        writer.append(0xAA)
        decoded.encode(into: writer)
        #expect(Array(writer.bytes) == [0xAA] + body)
    }

    @Test func anEmptyProfileIsTheVersionByteAlone() throws {
        let profile = StoredProfile()
        #expect(profile.isEmpty)
        #expect(profile.encoded() == [ProfileBody.version])
        #expect(try decode([ProfileBody.version]).isEmpty)
    }

    @Test func entriesComeOutInUTF8ByteOrderOfTheirNames() throws {
        // "e\u{301}tat" (a decomposed é) sorts after "f" as a String but before it as bytes.
        #expect("f" < "e\u{301}tat")
        let byteOrder = ["Zeta", "a", "a_b", "ab", "e\u{301}tat", "f", "zeta", "ñ", "имя", "名前"]
        var generator = SplitMix64(seed: 7)
        for round in 0..<20 {
            var calls = byteOrder
            if round == 1 { calls.reverse() } else if round > 1 { calls.shuffle(using: &generator) }
            var profile = StoredProfile()
            for (index, name) in calls.enumerated() {
                profile.set(.init(name: name, sealed: [UInt8(index)], source: "s", updatedAt: 1, rectifiedAt: nil))
            }
            #expect(profile.names.map { Array($0.utf8) } == byteOrder.map { Array($0.utf8) }, "round \(round)")
            #expect(
                try decode(profile.encoded()).names.map { Array($0.utf8) } == byteOrder.map { Array($0.utf8) },
                "round \(round)")
        }
        // For the names where String order and byte order agree, both give the same order.
        let agreeing = byteOrder.filter { $0 != "e\u{301}tat" }
        #expect(agreeing.sorted() == agreeing)
        #expect(ProfileBody.precedes("e\u{301}tat", "f"))
        #expect(!ProfileBody.precedes("f", "e\u{301}tat"))
        #expect(!ProfileBody.precedes("a", "a"))
    }

    @Test func setReplacesUpdateAndRemoveReport() throws {
        var profile = StoredProfile()
        for name in ["phone", "city", "email"] {
            profile.set(.init(name: name, sealed: [1], source: "web", updatedAt: 10, rectifiedAt: nil))
        }
        let replacement = StoredProfile.Entry(
            name: "email", sealed: [2, 2], source: "crm", updatedAt: 20, rectifiedAt: 15)
        profile.set(replacement)
        #expect(profile.count == 3)
        #expect(profile.names == ["city", "email", "phone"])
        #expect(profile.entry(named: "email") == replacement)

        #expect(profile.update("phone") { $0.rectifiedAt = 30 })
        #expect(profile.entry(named: "phone")?.rectifiedAt == 30)
        var called = false
        #expect(!profile.update("missing") { _ in called = true })
        #expect(!called)
        #expect(profile.count == 3)

        #expect(profile.removeAll { $0.name == "nothing" } == 0)
        #expect(profile.removeAll { $0.source == "web" } == 2)
        #expect(profile.names == ["email"])
        #expect(try decode(profile.encoded()).entries == [replacement])
        #expect(profile.removeAll { _ in true } == 1)
        #expect(profile.isEmpty)
    }

    // MARK: Malformed bodies

    @Test func anEmptyBodyIsAnIntegrityError() throws {
        let error = try #require(forEachError([]))
        #expect(error.code == .integrity)
        #expect(error.message.contains(subject.description))
        #expect(throws: VaultError.self) { try decode([]) }
    }

    @Test(arguments: [UInt8(0), 2, 0xFF])
    func aWrongVersionByteIsAnIntegrityError(version: UInt8) throws {
        var body = twoEntries.body
        body[0] = version
        let error = try #require(forEachError(body))
        #expect(error.code == .integrity)
        #expect(error.message.contains(subject.description))
        #expect(!error.message.contains(marker))
    }

    @Test func everyTruncationIsAnIntegrityErrorThatNamesTheSubjectOnly() throws {
        let (entries, body) = twoEntries
        let first = Self.entryBytes(entries[0]).count
        let boundaries = [1, 1 + first, 1 + first + Self.entryBytes(entries[1]).count]
        #expect(boundaries.last == body.count)
        #expect(try visit(body).map(\.entry) == entries)
        #expect(try visit(Array(body.prefix(boundaries[1]))).map(\.entry) == [entries[0]])
        #expect(try visit(Array(body.prefix(1))).isEmpty)
        var checked = 0
        for length in 2..<body.count where !boundaries.contains(length) {
            let error = try #require(forEachError(Array(body.prefix(length))), "length \(length)")
            #expect(error.code == .integrity, "length \(length)")
            #expect(error.message.contains(subject.description), "length \(length)")
            #expect(!error.message.contains(marker), "length \(length)")
            checked += 1
        }
        #expect(checked == body.count - 3)
        // Bytes after the last entry are no entry either.
        for extra in 1...3 {
            let error = try #require(forEachError(body + [UInt8](repeating: 0, count: extra)))
            #expect(error.code == .integrity)
        }
    }

    @Test func anOversizedLengthIsAnIntegrityError() throws {
        var body = twoEntries.body
        for (offset, byte) in [0xFF, 0xFF, 0xFF, 0xFF].enumerated() { body[1 + offset] = UInt8(byte) }
        let error = try #require(forEachError(body))
        #expect(error.code == .integrity)
        #expect(!error.message.contains(marker))
    }

    // MARK: ByteWriter

    @Test func appendsAcrossManyGrowthsKeepEveryByte() {
        let writer = ByteWriter(capacity: 1)
        var expected: [UInt8] = []
        var generator = SplitMix64(seed: 11)
        for step in 0..<3000 {
            switch step % 5 {
            case 0:
                let byte = UInt8(truncatingIfNeeded: generator.next())
                writer.append(byte)
                expected.append(byte)
            case 1:
                let chunk = (0..<(step % 41)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                chunk.withUnsafeBytes { writer.append($0) }
                expected += chunk
            case 2:
                let value = UInt32(truncatingIfNeeded: generator.next())
                writer.append(littleEndian: value)
                expected += Self.littleEndian(UInt64(value), size: 4)
            case 3:
                let value = Int64(bitPattern: generator.next())
                writer.append(littleEndian: value)
                expected += Self.littleEndian(UInt64(bitPattern: value), size: 8)
            default:
                writer.reserve(step % 13)
                writer.append(UnsafeRawBufferPointer(start: nil, count: 0))
            }
            if step % 250 == 0 { #expect(Array(writer.bytes) == expected, "step \(step)") }
        }
        #expect(writer.count == expected.count)
        #expect(Array(writer.bytes) == expected)
    }

    @Test func integersAreWrittenLittleEndian() {
        let writer = ByteWriter()
        writer.append(littleEndian: UInt32(0x0102_0304))
        writer.append(littleEndian: UInt16(0xABCD))
        writer.append(littleEndian: Int64(-2))
        writer.append(littleEndian: Int64.min)
        writer.append(littleEndian: UInt64(0x1122_3344_5566_7788))
        #expect(
            Array(writer.bytes) == [4, 3, 2, 1] + [0xCD, 0xAB] + [0xFE] + [UInt8](repeating: 0xFF, count: 7)
                + [0, 0, 0, 0, 0, 0, 0, 0x80] + [0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11])
    }

    @Test func removeAllKeepsTheWriterWorking() {
        let writer = ByteWriter(capacity: 16)
        let first = (0..<100).map { UInt8($0) }
        first.withUnsafeBytes { writer.append($0) }
        writer.removeAll()
        #expect(writer.count == 0)
        #expect(Array(writer.bytes) == [])
        writer.append(7)
        writer.append(littleEndian: UInt32(9))
        #expect(Array(writer.bytes) == [7, 9, 0, 0, 0])
        // Growing past the old size after a reset keeps only the new bytes.
        let second = (0..<500).map { UInt8(truncatingIfNeeded: $0 * 3) }
        second.withUnsafeBytes { writer.append($0) }
        #expect(Array(writer.bytes) == [7, 9, 0, 0, 0] + second)
        writer.removeAll()
        writer.removeAll()
        writer.append(1)
        #expect(Array(writer.bytes) == [1])
    }

    // MARK: lastWritePerField

    @Test func lastWritePerFieldOnAHandWrittenBatch() throws {
        let a = SubjectID(bytes: [UInt8](repeating: 2, count: 16))!
        let b = SubjectID(bytes: [UInt8](repeating: 1, count: 16))!
        func write(_ subject: SubjectID, _ field: String) -> VaultWriter.FieldWrite {
            .init(subject: subject, field: field, value: .string("x"), source: "s")
        }
        let writes = [
            write(a, "email"), write(b, "zip"), write(a, "city"), write(a, "email"), write(b, "e\u{301}tat"),
            write(b, "f"), write(a, "Zeta"),
        ]
        let (order, names) = VaultWriter.lastWritePerField(writes)
        // b sorts first; then the names in byte order, the last write of a repeated field kept.
        #expect(order == [4, 5, 1, 6, 2, 3])
        #expect(names == ["email", "zip", "city", "e\u{301}tat", "f", "Zeta"])
        let empty = VaultWriter.lastWritePerField([])
        #expect(empty.order.isEmpty)
        #expect(empty.names.isEmpty)
    }

    @Test(arguments: [UInt64(1), 2, 3, 42, 2024])
    func lastWritePerFieldMatchesABruteForceReference(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        func randomBytes(_ count: Int) -> [UInt8] {
            (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        }
        var subjects = try (0..<10).map { _ in try #require(SubjectID(bytes: randomBytes(16))) }
        // Subjects that share their high 8 bytes with another, so that the low half decides.
        for index in 0..<3 {
            subjects.append(try #require(SubjectID(bytes: Array(subjects[index].bytes.prefix(8)) + randomBytes(8))))
        }
        let fieldNames = [
            "email", "Email", "e-mail", "email_2", "a", "ab", "", "city", "zip", "ñ", "имя", "名前", "e\u{301}tat", "f",
        ]
        var writes: [VaultWriter.FieldWrite] = []
        var subject = subjects[0]
        for index in 0..<(250 + generator.below(150)) {
            // Runs of one subject, and subjects coming back later.
            if generator.below(3) != 0 { subject = subjects[generator.below(subjects.count)] }
            writes.append(
                .init(
                    subject: subject, field: fieldNames[generator.below(fieldNames.count)],
                    value: .string("value \(index)"), source: "source \(index % 4)"))
        }

        struct Key: Hashable {
            let subject: SubjectID
            let name: [UInt8]
        }
        var last: [Key: Int] = [:]
        var names: [String] = []
        for (index, write) in writes.enumerated() {
            last[Key(subject: write.subject, name: Array(write.field.utf8))] = index
            if !names.contains(where: { Array($0.utf8) == Array(write.field.utf8) }) { names.append(write.field) }
        }
        let expected = last.sorted { x, y in
            let (a, b) = (x.key.subject, y.key.subject)
            if (a.high, a.low) != (b.high, b.low) { return (a.high, a.low) < (b.high, b.low) }
            return x.key.name.lexicographicallyPrecedes(y.key.name)
        }.map(\.value)

        let result = VaultWriter.lastWritePerField(writes)
        #expect(result.order == expected)
        #expect(result.names.map { Array($0.utf8) } == names.map { Array($0.utf8) })
        #expect(expected.count < writes.count)
    }
}

/// A small deterministic generator (SplitMix64), so that the random cases repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
