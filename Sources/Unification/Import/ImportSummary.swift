/// What an import did, in counts (no personal values).
public struct ImportSummary: Sendable, Codable, Equatable {
    /// The file's name.
    public var file: String
    /// Records (rows or messages) read.
    public var read = 0
    /// Records written (new rows, events or consent records).
    public var imported = 0
    /// Records skipped because an earlier run already imported them.
    public var alreadyImported = 0
    /// Records rejected whole.
    public var rejected = 0
    /// Single fields dropped from otherwise imported records (an invalid value).
    public var fieldsDropped = 0
    /// Subjects created and matched.
    public var subjectsCreated = 0
    public var subjectsMatched = 0
    /// Existing subjects merged because new records joined them (see `tresor profile merges`).
    public var mergesApplied = 0
    /// Rejects and dropped fields by reason code.
    public var rejectsByReason: [String: Int] = [:]
    /// Wall time in milliseconds.
    public var milliseconds: Int64 = 0

    /// Creates an empty summary for `file`.
    public init(file: String) { self.file = file }

    /// True when nothing was rejected or dropped.
    public var isClean: Bool { rejected == 0 && fieldsDropped == 0 }
}
