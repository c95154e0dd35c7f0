/// A set of field names matched against the raw UTF-8 bytes of a stored name, so that the rows of
/// other fields are skipped without making a `String` for each.
struct FieldNameFilter {
    private let names: [[UInt8]]

    init(_ names: some Sequence<String>) {
        self.names = names.map { Array($0.utf8) }
    }

    /// True when `name` (UTF-8) is one of the names.
    func contains(_ name: UnsafeRawBufferPointer) -> Bool {
        names.contains { $0.count == name.count && $0.elementsEqual(name) }
    }
}
