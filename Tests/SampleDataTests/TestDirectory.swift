import Foundation
import SampleData

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TestDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sampledata-tests-\(UUID().uuidString)")
    }

    /// Generates a data set here with `options`.
    func generate(_ options: SampleDataOptions, subdirectory: String = "data") throws -> SampleDataSummary {
        try SampleDataGenerator.write(options: options, to: url.appendingPathComponent(subdirectory))
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Reads a whole file as bytes.
func bytes(of url: URL) throws -> Data {
    try Data(contentsOf: url)
}

/// The lines of a text file without their line ends (a final empty line is dropped).
func lines(of url: URL) throws -> [Substring] {
    let text = try String(contentsOf: url, encoding: .utf8)
    var result = text.split(separator: "\n", omittingEmptySubsequences: false)
    if result.last == "" { result.removeLast() }
    return result
}

/// Parses one NDJSON line into a dictionary, or nil when it is not a JSON object.
func jsonObject(_ line: Substring) -> [String: Any]? {
    guard let data = line.data(using: .utf8) else { return nil }
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
}
