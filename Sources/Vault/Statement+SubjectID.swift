import VaultStore

extension Statement {
    /// Binds a subject id as its 16 bytes, without building an array.
    func bind(_ subject: SubjectID, at index: Int32) throws(StoreError) {
        try withUnsafeBytes(of: (subject.high.bigEndian, subject.low.bigEndian)) { bytes throws(StoreError) in
            try bind(bytes: bytes, at: index)
        }
    }

    /// Column `index` as a subject id (`.malformed` unless it holds exactly 16 bytes), read in place.
    func subjectID(_ index: Int32) -> SubjectID {
        withBlob(index) { $0.count == 16 ? SubjectID(raw: $0) : .malformed }
    }
}
