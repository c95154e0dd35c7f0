import Foundation

/// A set of field names matched against the raw UTF-8 bytes of a stored name, so that the rows of
/// other fields are skipped without making a `String` for each. The names are kept back to back in
/// one buffer: building a filter costs two allocations however many names it holds.
struct FieldNameFilter {
    /// The UTF-8 bytes of every name, concatenated.
    private let bytes: [UInt8]
    /// Where each name ends in `bytes`.
    private let ends: [Int]

    init(_ names: some Sequence<String>) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for name in names {
            bytes.append(contentsOf: name.utf8)
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
    }

    /// True when `name` (UTF-8) is one of the names.
    func contains(_ name: UnsafeRawBufferPointer) -> Bool {
        bytes.withUnsafeBytes { all in
            var start = 0
            for end in ends {
                defer { start = end }
                guard end - start == name.count else { continue }
                if name.count == 0 || memcmp(all.baseAddress! + start, name.baseAddress!, name.count) == 0 {
                    return true
                }
            }
            return false
        }
    }
}
