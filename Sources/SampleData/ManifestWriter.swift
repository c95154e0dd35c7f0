/// Renders `manifest.json`: arguments, counts, reference time and the size of each file, keys sorted.
enum ManifestWriter {
    static func render(options: SampleDataOptions, summary: SampleDataSummary, sizes: [(String, Int)]) -> ByteBuffer {
        var b = ByteBuffer(handle: nil, fileName: "manifest.json")
        b.append("{\n  \"arguments\": {\n    \"dirty\": ")
        b.append(integer: options.dirt.rawValue)
        b.append(",\n    \"events_per_person\": ")
        b.append(String(describing: options.eventsPerPerson))
        b.append(",\n    \"people\": ")
        b.append(integer: options.people)
        b.append(",\n    \"seed\": ")
        b.append(unsigned: options.seed)
        b.append("\n  },\n  \"bytes\": {")
        for (position, (name, size)) in sizes.sorted(by: { $0.0 < $1.0 }).enumerated() {
            b.append(position == 0 ? "\n    " : ",\n    ")
            b.append(jsonString: name)
            b.append(": ")
            b.append(integer: size)
        }
        b.append("\n  },\n  \"counts\": {\n    \"consents\": ")
        b.append(integer: summary.consents)
        b.append(",\n    \"customers\": ")
        b.append(integer: summary.customers)
        b.append(",\n    \"events\": ")
        b.append(integer: summary.events)
        b.append(",\n    \"malformed_event_lines\": ")
        b.append(integer: summary.malformedEventLines)
        b.append(",\n    \"people\": ")
        b.append(integer: summary.people)
        b.append(",\n    \"products\": ")
        b.append(integer: summary.products)
        b.append("\n  },\n  \"generator\": \"Tresor SampleData 1\",\n  \"reference_time\": \"")
        b.append(timestamp: options.referenceMilliseconds)
        b.append("\"\n}\n")
        return b
    }
}
