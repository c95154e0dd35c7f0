public import Normalization
import VaultCrypto
import VaultStore

/// Bulk forms of the per-row writes, for imports: the same rows and the same audit entry as the
/// single calls made one after the other, but written in key order. With random subject ids and
/// keyed tokens, arrival order sends every insert to a random place in its index; key order walks
/// each index in one direction, which takes SQLite about half the time. (Text is ordered as
/// `String` orders it, which is SQLite's byte order for ASCII; any consistent order would do.)
extension VaultWriter {
    /// One field value for `setFields`.
    public struct FieldWrite: Sendable {
        public var subject: SubjectID
        public var field: String
        public var value: FieldValue
        public var source: String

        /// A value of `field` of `subject` that came from `source`.
        public init(subject: SubjectID, field: String, value: FieldValue, source: String) {
            self.subject = subject
            self.field = field
            self.value = value
            self.source = source
        }
    }

    /// Encrypts and stores the values as `setField` called for each in turn would: a later value of
    /// the same subject and field replaces an earlier one, and the audit entry lists the field names
    /// in the order given. Each subject's profile row is written once, in subject order; a subject
    /// this transaction created has no row to read first.
    public func setFields(_ writes: [FieldWrite]) throws {
        let (last, names) = Self.lastWritePerField(writes)
        for name in names { note(nil, field: name) }
        let sealer = try fieldSealer()
        // The bodies of up to `rowsPerInsert` subjects, one after the other, then one multi-row
        // insert binding them in place; the buffer is reused for the next subjects, so memory stays
        // that of one statement whatever the batch.
        let bodies = ByteWriter(capacity: Self.rowsPerInsert * 2048)
        var rows: [(subject: SubjectID, count: Int, end: Int)] = []
        rows.reserveCapacity(Self.rowsPerInsert)
        func writeRows() throws {
            let all = bodies.bytes
            try insertRows(rows.count, into: .profiles) { upsert, row, first in
                let start = row == 0 ? 0 : rows[row - 1].end
                try rows[row].subject.withBytes { try upsert.bind(raw: $0, at: first, in: arena) }
                try upsert.bind(Int64(rows[row].count), at: first + 1)
                try upsert.bind(inPlace: UnsafeRawBufferPointer(rebasing: all[start..<rows[row].end]), at: first + 2)
            }
            rows.removeAll(keepingCapacity: true)
            bodies.removeAll()
        }
        try writes.withUnsafeBufferPointer { writes in
            var position = 0
            while position < last.count {
                let subject = writes[last[position]].subject
                var end = position + 1
                while end < last.count, writes[last[end]].subject == subject { end += 1 }
                touched.insert(subject)
                let record = try record(subject)
                let key = try vault.keyring.dataKey(
                    for: subject, version: record.keyVersion, wrapped: record.wrappedKey)
                // Writes `writes[index]`'s value as the next entry of the body.
                func appendWrite(_ index: Int, rectifiedAt: Int64?) throws {
                    let write = writes.baseAddress! + index
                    try sealer.seal(
                        write.pointee.value, of: write.pointee.field, subject: subject, key: key,
                        keyVersion: record.keyVersion
                    ) { sealed in
                        ProfileBody.append(
                            name: write.pointee.field, source: write.pointee.source, updatedAt: now,
                            rectifiedAt: rectifiedAt, sealed: sealed, to: bodies)
                    }
                }
                var count = end - position
                bodies.append(ProfileBody.version)
                if withoutProfile.remove(subject) != nil {
                    for index in last[position..<end] { try appendWrite(index, rectifiedAt: nil) }
                } else {
                    // The stored body merged with the new values in one pass, both in name order:
                    // untouched entries are copied as they are (no decoding), a replaced one keeps
                    // its rectification mark.
                    let stored = try db.statement(ProfileSQL.select)
                    try stored.bind(subject, at: 1)
                    defer { stored.reset() }
                    var next = position
                    if try stored.step() {
                        try ProfileBody.forEach(stored.columnBytes(0), subject: subject) { entry, _ in
                            while next < end, ProfileBody.compare(writes[last[next]].field, entry.name) < 0 {
                                try appendWrite(last[next], rectifiedAt: nil)
                                next += 1
                            }
                            if next < end, ProfileBody.compare(writes[last[next]].field, entry.name) == 0 {
                                try appendWrite(last[next], rectifiedAt: entry.rectifiedAt)
                                next += 1
                            } else {
                                ProfileBody.append(
                                    name: entry.name, source: entry.source, updatedAt: entry.updatedAt,
                                    rectifiedAt: entry.rectifiedAt, sealed: entry.sealed, to: bodies)
                                count += 1
                            }
                        }
                    }
                    while next < end {
                        try appendWrite(last[next], rectifiedAt: nil)
                        next += 1
                    }
                }
                rows.append((subject, count, bodies.count))
                if rows.count == Self.rowsPerInsert { try writeRows() }
                position = end
            }
        }
        if !rows.isEmpty { try writeRows() }
    }

    /// The indices of `writes` to store, in key order (subject, then field name in a profile's
    /// byte order), keeping for one subject and field only the last value given; and the distinct
    /// field names in the order of their first write. The writes are grouped by subject first (a
    /// counting sort, keeping their order), the subjects sorted, then each subject's few writes:
    /// no sort over every write.
    static func lastWritePerField(_ writes: [FieldWrite]) -> (order: [Int], names: [String]) {
        let ranks = TextRanks(count: writes.count, text: { writes[$0].field }, precedes: ProfileBody.precedes)
        var slotOfSubject: [SubjectID: Int32] = [:]
        var subjects: [SubjectID] = []
        var slotOfWrite: [Int32] = []
        slotOfWrite.reserveCapacity(writes.count)
        var previous: (subject: SubjectID, slot: Int32)?
        for write in writes {
            if let previous, previous.subject == write.subject {
                slotOfWrite.append(previous.slot)
                continue
            }
            let slot =
                slotOfSubject[write.subject]
                ?? {
                    let slot = Int32(subjects.count)
                    slotOfSubject[write.subject] = slot
                    subjects.append(write.subject)
                    return slot
                }()
            slotOfWrite.append(slot)
            previous = (write.subject, slot)
        }
        var starts = [Int](repeating: 0, count: subjects.count + 1)
        for slot in slotOfWrite { starts[Int(slot) + 1] += 1 }
        for slot in subjects.indices { starts[slot + 1] += starts[slot] }
        var grouped = [Int32](repeating: 0, count: writes.count)
        var next = starts
        for (index, slot) in slotOfWrite.enumerated() {
            grouped[next[Int(slot)]] = Int32(index)
            next[Int(slot)] += 1
        }
        let slotsInOrder = subjects.indices.sorted {
            (subjects[$0].high, subjects[$0].low) < (subjects[$1].high, subjects[$1].low)
        }
        var last: [Int] = []
        last.reserveCapacity(writes.count)
        var group: [(rank: Int32, index: Int32)] = []
        for slot in slotsInOrder {
            group.removeAll(keepingCapacity: true)
            for index in grouped[starts[slot]..<starts[slot + 1]] {
                // Insertion by (rank, index): a subject has a handful of writes.
                let item = (rank: ranks.rankOfItem[Int(index)], index: index)
                var at = group.count
                while at > 0, (group[at - 1].rank, group[at - 1].index) > (item.rank, item.index) { at -= 1 }
                group.insert(item, at: at)
            }
            for position in group.indices
            where position + 1 == group.count || group[position + 1].rank != group[position].rank {
                last.append(Int(group[position].index))
            }
        }
        return (last, ranks.texts)
    }

    /// One identity for `link(_:)`: a normalised value of `kind` and the subject it belongs to.
    public struct IdentityLink: Sendable {
        public var kind: IdentityKind
        public var normalized: String
        public var subject: SubjectID
        /// The value's blind-index token when the caller already has it (`identityTokenWords`),
        /// as its big-endian halves.
        public var token: (high: UInt64, low: UInt64)?

        /// Links the normalised `value` of `kind` to `subject`; `token`, when given, must be the
        /// value's token from `identityTokenWords(_:normalized:)` of this vault.
        public init(
            _ kind: IdentityKind, normalized value: String, token: (high: UInt64, low: UInt64)? = nil,
            to subject: SubjectID
        ) {
            self.kind = kind
            self.normalized = value
            self.token = token
            self.subject = subject
        }
    }

    /// Links the identities as `link(_:normalized:to:)` called for each in turn would.
    public func link(_ links: [IdentityLink]) throws {
        // Tokens into one flat buffer (one prepared keyed state per kind), then rows sorted by
        // integer keys: kind (in the text order SQLite sees), token, subject.
        let kinds = IdentityKind.allCases.sorted { $0.rawValue < $1.rawValue }
        let tokenizers = try kinds.map { try tokenizer($0) }
        let size = BlindIndexer.tokenSize
        var tokens = [UInt8](repeating: 0, count: links.count * size)
        struct Key: Comparable {
            let kind: Int8
            let tokenHigh: UInt64
            let tokenLow: UInt64
            let subjectHigh: UInt64
            let subjectLow: UInt64
            let index: Int32
            static func < (a: Key, b: Key) -> Bool {
                (a.kind, a.tokenHigh, a.tokenLow, a.subjectHigh, a.subjectLow, a.index)
                    < (b.kind, b.tokenHigh, b.tokenLow, b.subjectHigh, b.subjectLow, b.index)
            }
        }
        var keys: [Key] = []
        keys.reserveCapacity(links.count)
        try tokens.withUnsafeMutableBytes { buffer in
            var previous: SubjectID?
            for (index, link) in links.enumerated() {
                if link.subject != previous {
                    _ = try record(link.subject)
                    touched.insert(link.subject)
                    previous = link.subject
                }
                let kind = kinds.firstIndex(of: link.kind)!
                let token = UnsafeMutableRawBufferPointer(rebasing: buffer[(index * size)..<((index + 1) * size)])
                if let known = link.token {
                    token.storeBytes(of: known.high.bigEndian, as: UInt64.self)
                    token.storeBytes(of: known.low.bigEndian, toByteOffset: 8, as: UInt64.self)
                } else {
                    tokenizers[kind].token(link.normalized, into: token)
                }
                keys.append(
                    Key(
                        kind: Int8(kind), tokenHigh: UInt64(bigEndian: token.loadUnaligned(as: UInt64.self)),
                        tokenLow: UInt64(bigEndian: token.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                        subjectHigh: link.subject.high, subjectLow: link.subject.low, index: Int32(index)))
            }
        }
        keys.sort()
        // A link given twice (a person's second record repeats an e-mail) is one row: keep the first.
        var kept = 0
        for position in keys.indices {
            let key = keys[position]
            if kept > 0 {
                let last = keys[kept - 1]
                if (last.kind, last.tokenHigh, last.tokenLow, last.subjectHigh, last.subjectLow)
                    == (key.kind, key.tokenHigh, key.tokenLow, key.subjectHigh, key.subjectLow)
                {
                    continue
                }
            }
            keys[kept] = key
            kept += 1
        }
        keys.removeLast(keys.count - kept)
        try tokens.withUnsafeBytes { buffer in
            try insertRows(keys.count, into: .identities) { insert, row, first in
                let index = Int(keys[row].index)
                try insert.bind(kinds[Int(keys[row].kind)].rawValue, at: first, in: arena)
                try insert.bind(
                    raw: UnsafeRawBufferPointer(rebasing: buffer[(index * size)..<((index + 1) * size)]), at: first + 1,
                    in: arena)
                try links[index].subject.withBytes { try insert.bind(raw: $0, at: first + 2, in: arena) }
                try insert.bind(now, at: first + 3)
            }
        }
    }

    /// One source record for `recordSources(_:)`.
    public struct SourceRecord: Sendable {
        public var source: String
        public var recordID: String
        public var subject: SubjectID

        /// Record `recordID` of `source`, resolved to `subject`.
        public init(source: String, recordID: String, subject: SubjectID) {
            self.source = source
            self.recordID = recordID
            self.subject = subject
        }
    }

    /// Records the source records as `recordSource(_:recordID:subject:)` called for each in turn
    /// would (the last of two with the same source and id wins).
    public func recordSources(_ records: [SourceRecord]) throws {
        let order = Self.sourceRecordOrder(records)
        try insertRows(order.count, into: .sourceRecords) { insert, row, first in
            let record = records[order[row]]
            try insert.bind(record.source, at: first, in: arena)
            try insert.bind(record.recordID, at: first + 1, in: arena)
            try record.subject.withBytes { try insert.bind(raw: $0, at: first + 2, in: arena) }
            try insert.bind(now, at: first + 3)
            touched.insert(record.subject)
        }
    }

    /// The indices of `records` in key order: source, then record id, both in UTF-8 byte order
    /// (SQLite's), then position, so that of two equal keys the later is written last. Sources are
    /// ranked once and record ids compared by their first eight bytes as an integer, so that most
    /// comparisons never touch a string.
    static func sourceRecordOrder(_ records: [SourceRecord]) -> [Int] {
        let sources = TextRanks(count: records.count, text: { records[$0].source }) {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
        struct Key {
            let source: Int32
            let index: Int32
            let prefix: UInt64
        }
        var keys = records.indices.map { index in
            var prefix: UInt64 = 0
            var taken = 0
            for byte in records[index].recordID.utf8.prefix(8) {
                prefix = prefix << 8 | UInt64(byte)
                taken += 1
            }
            prefix <<= UInt64(8 * (8 - taken))
            return Key(source: sources.rankOfItem[index], index: Int32(index), prefix: prefix)
        }
        keys.sort { a, b in
            if a.source != b.source { return a.source < b.source }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            let x = records[Int(a.index)].recordID.utf8
            let y = records[Int(b.index)].recordID.utf8
            if x.lexicographicallyPrecedes(y) { return true }
            if y.lexicographicallyPrecedes(x) { return false }
            return a.index < b.index
        }
        return keys.map { Int($0.index) }
    }

    /// The tables the bulk writes insert into, each with its multi-row INSERT.
    enum BulkTable {
        case subjects, profiles, identities, sourceRecords, events

        var columns: Int {
            switch self {
            case .profiles: 3
            case .subjects: 5
            case .identities, .sourceRecords: 4
            case .events: 6
            }
        }

        /// The INSERT of `rows` rows: the single-row statement of `WriterSQL` with more VALUES.
        func sql(rows: Int) -> String {
            guard rows != VaultWriter.rowsPerInsert else {
                switch self {
                case .subjects: return Self.fullSubjects
                case .profiles: return Self.fullProfiles
                case .identities: return Self.fullIdentities
                case .sourceRecords: return Self.fullSourceRecords
                case .events: return Self.fullEvents
                }
            }
            return makeSQL(rows: rows)
        }

        static let fullSubjects = BulkTable.subjects.makeSQL(rows: VaultWriter.rowsPerInsert)
        static let fullProfiles = BulkTable.profiles.makeSQL(rows: VaultWriter.rowsPerInsert)
        static let fullIdentities = BulkTable.identities.makeSQL(rows: VaultWriter.rowsPerInsert)
        static let fullSourceRecords = BulkTable.sourceRecords.makeSQL(rows: VaultWriter.rowsPerInsert)
        static let fullEvents = BulkTable.events.makeSQL(rows: VaultWriter.rowsPerInsert)

        private func makeSQL(rows: Int) -> String {
            let row =
                self == .subjects
                ? "(?, ?, ?, ?, 1, ?)" : "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
            let values = Array(repeating: row, count: rows).joined(separator: ", ")
            switch self {
            case .subjects:
                return """
                    INSERT INTO subjects (id, jurisdiction, created_at, updated_at, key_version, wrapped_key) VALUES \(values)
                    """
            case .profiles:
                return """
                    INSERT INTO profiles (subject, field_count, body) VALUES \(values)
                    ON CONFLICT (subject) DO UPDATE SET field_count = excluded.field_count, body = excluded.body
                    """
            case .identities:
                return "INSERT OR IGNORE INTO identities (kind, token, subject, created_at) VALUES \(values)"
            case .sourceRecords:
                return
                    "INSERT OR REPLACE INTO source_records (source, record_id, subject, imported_at) VALUES \(values)"
            case .events:
                return "INSERT OR IGNORE INTO events (subject, type, at, source, message, properties) VALUES \(values)"
            }
        }
    }

    /// Rows per multi-row INSERT: each statement's fixed cost (start, statement journal, halt,
    /// reset) is paid once for this many rows.
    static let rowsPerInsert = 64

    /// Inserts `count` rows into `table`, `rowsPerInsert` per statement, in order: `bind` binds row
    /// `row` from parameter `first` on, its texts and blobs through `arena` (released after each
    /// statement runs).
    func insertRows(
        _ count: Int, into table: BulkTable, bind: (_ statement: Statement, _ row: Int, _ first: Int32) throws -> Void
    ) throws {
        var start = 0
        while start < count {
            let rows = min(Self.rowsPerInsert, count - start)
            let insert = try db.statement(table.sql(rows: rows))
            defer { release(insert) }
            for row in 0..<rows { try bind(insert, start + row, Int32(row * table.columns + 1)) }
            try run(insert)
            start += rows
        }
    }
}
