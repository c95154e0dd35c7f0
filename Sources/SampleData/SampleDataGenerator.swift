public import Foundation

/// Writes the synthetic data set (customers, truth, events, consents, products, manifest) or returns its persons.
public enum SampleDataGenerator {
    /// Generates the data set described by `options` into `directory` (created if missing, files overwritten),
    /// streaming every file through fixed-size buffers so memory stays flat at any size.
    public static func write(options: SampleDataOptions, to directory: URL) throws(SampleDataError) -> SampleDataSummary
    {
        try options.validate()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: directory.path, reason: String(describing: error))
        }
        let files = SampleDataFiles(directory: directory)
        let catalog = ProductCatalog(seed: options.seed)
        var products = try OutputFile(files.products)
        catalog.write(to: &products.buffer)
        try products.close()

        var output = PeopleOutput(
            customers: try OutputFile(files.customers), truth: try OutputFile(files.truth),
            events: try OutputFile(files.events), consents: try OutputFile(files.consents))
        let counts = try writePeople(options: options, catalog: catalog, output: &output)
        try output.close()

        let summary = SampleDataSummary(
            people: options.people, customers: counts.customers, events: counts.events,
            malformedEventLines: counts.malformedEventLines, consents: counts.consents,
            products: ProductCatalog.count, files: files)
        let sizes = [
            ("customers.csv", output.customers.buffer.count), ("truth.csv", output.truth.buffer.count),
            ("events.ndjson", output.events.buffer.count), ("consents.ndjson", output.consents.buffer.count),
            ("products.csv", products.buffer.count),
        ]
        var manifest = try OutputFile(files.manifest)
        manifest.buffer.append(bytes: ManifestWriter.render(options: options, summary: summary, sizes: sizes).bytes)
        try manifest.close()
        return summary
    }

    /// The ground-truth persons `write(options:to:)` would generate for `options`, in order (empty when invalid).
    public static func people(options: SampleDataOptions) -> [SamplePerson] {
        guard (try? options.validate()) != nil else { return [] }
        var factory = PersonFactory(options: options)
        var result: [SamplePerson] = []
        result.reserveCapacity(options.people)
        for index in 0..<options.people {
            result.append(factory.make(index: index).publicPerson)
        }
        return result
    }

    /// The four files written person by person.
    private struct PeopleOutput {
        var customers: OutputFile
        var truth: OutputFile
        var events: OutputFile
        var consents: OutputFile

        mutating func flushIfNeeded() throws(SampleDataError) {
            try customers.buffer.flushIfNeeded()
            try truth.buffer.flushIfNeeded()
            try events.buffer.flushIfNeeded()
            try consents.buffer.flushIfNeeded()
        }

        mutating func close() throws(SampleDataError) {
            try customers.close()
            try truth.close()
            try events.close()
            try consents.close()
        }
    }

    private struct Counts {
        var customers = 0
        var events = 0
        var malformedEventLines = 0
        var consents = 0
    }

    private static func writePeople(
        options: SampleDataOptions, catalog: ProductCatalog, output: inout PeopleOutput
    ) throws(SampleDataError) -> Counts {
        let hostile = options.dirt == .hostile
        if hostile { output.customers.buffer.append(bytes: [0xEF, 0xBB, 0xBF]) }
        output.customers.buffer.append(CustomerRecordWriter.header.joined(separator: ","))
        output.customers.buffer.append(hostile ? "\r\n" : "\n")
        output.truth.buffer.append("source,source_record_id,person_id\n")

        let reference = options.referenceMilliseconds
        var factory = PersonFactory(options: options)
        let records = CustomerRecordWriter(seed: options.seed, dirt: options.dirt)
        let eventWriter = EventWriter(catalog: catalog)
        let consentWriter = ConsentWriter(seed: options.seed, referenceMilliseconds: reference)
        var generator = EventGenerator(referenceMilliseconds: reference)
        var counts = Counts()
        for index in 0..<options.people {
            let person = factory.make(index: index)
            counts.customers += records.write(person, customers: &output.customers.buffer, truth: &output.truth.buffer)
            var random = RandomSource(seed: options.seed, stream: .events, index: index)
            var rounds = options.eventsPerPerson
            while rounds > 0 {
                if rounds >= 1 || random.chance(rounds) {
                    generator.generateRound(for: person, random: &random)
                    counts.events += eventWriter.write(generator, person: person, to: &output.events.buffer)
                }
                rounds -= 1
            }
            counts.consents += consentWriter.write(person, to: &output.consents.buffer)
            if hostile {
                var chaos = RandomSource(seed: options.seed, stream: .hostile, index: index)
                if chaos.chance(0.01) || index == options.people / 2 {
                    output.events.buffer.append(
                        "{\"type\":\"track\",\"event\":\"Broken\", \"timestamp\": \"not-a-time\"\n")
                    output.events.buffer.append("not json at all\n")
                    counts.malformedEventLines += 2
                }
            }
            try output.flushIfNeeded()
        }
        return counts
    }
}
