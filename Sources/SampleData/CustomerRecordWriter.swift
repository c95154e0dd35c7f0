/// Writes one to three source records of a person to `customers.csv` and their owner to `truth.csv`.
///
/// Every record can be linked to the person's first record through an identifier no other person holds (the
/// external id, or an e-mail or phone that is not shared); a household-shared identifier only ever appears beside
/// the external id.
struct CustomerRecordWriter {
    /// The header of `customers.csv`.
    static let header = [
        "source", "source_record_id", "external_id", "email", "phone", "first_name", "last_name", "birth_date",
        "gender", "city", "country", "language", "created_at",
    ]
    /// Source systems, in slot order.
    static let sources = ["crm", "web", "pos", "app"]

    private struct Identifiers: OptionSet {
        let rawValue: Int
        static let externalId = Identifiers(rawValue: 1)
        static let email = Identifiers(rawValue: 2)
        static let phone = Identifiers(rawValue: 4)
        static let ordered: [Identifiers] = [.externalId, .email, .phone]
    }

    let seed: UInt64
    let dirt: SampleDirtLevel

    /// Writes the records of `person` and returns how many were written.
    func write(_ person: GeneratedPerson, customers: inout ByteBuffer, truth: inout ByteBuffer) -> Int {
        var random = RandomSource(seed: seed, stream: .records, index: person.index)
        let count = [1, 2, 3][random.weightedIndex([50, 35, 15])]
        let slots = random.sampleIndices(count, of: Self.sources.count)
        let hasExternalId = !person.externalId.isEmpty
        var safe: Identifiers = []
        if hasExternalId { safe.insert(.externalId) }
        if person.shared != .email { safe.insert(.email) }
        if person.shared != .phone { safe.insert(.phone) }
        let sharedIdentifier: Identifiers = person.shared == .email ? .email : (person.shared == .phone ? .phone : [])
        var first: Identifiers = []
        for (position, slot) in slots.enumerated() {
            var ids: Identifiers = []
            if hasExternalId && (slot == 0 || random.chance(0.5)) { ids.insert(.externalId) }
            if random.chance(position == 0 ? 0.95 : 0.7) { ids.insert(.email) }
            if random.chance(position == 0 ? 0.75 : 0.6) { ids.insert(.phone) }
            if !sharedIdentifier.isEmpty && ids.contains(sharedIdentifier) { ids.insert(.externalId) }
            if position == 0 {
                if ids.isDisjoint(with: safe) { ids.insert(pick(from: safe, &random)) }
                first = ids
            } else if ids.isDisjoint(with: first.intersection(safe)) {
                ids.insert(pick(from: first.intersection(safe), &random))
            }
            writeRecord(person, slot: slot, ids: ids, random: &random, customers: &customers, truth: &truth)
        }
        return count
    }

    private func pick(from set: Identifiers, _ random: inout RandomSource) -> Identifiers {
        let members = Identifiers.ordered.filter { set.contains($0) }
        return random.pick(members)
    }

    private func writeRecord(
        _ person: GeneratedPerson, slot: Int, ids: Identifiers, random: inout RandomSource,
        customers: inout ByteBuffer, truth: inout ByteBuffer
    ) {
        let source = Self.sources[slot]
        let recordNumber = UniqueNumbers.sourceRecordNumber(slot: person.index * 4 + slot, seed: seed)
        var email = ids.contains(.email) ? Mess.email(person.email, dirt: dirt, &random) : ""
        var phone = ids.contains(.phone) ? random.pick(person.phoneRenderings) : ""
        var firstName = random.chance(0.95) ? Mess.name(person.firstName, dirt: dirt, &random) : ""
        var lastName = random.chance(0.9) ? Mess.name(person.lastName, dirt: dirt, &random) : ""
        var birthDate = ""
        if random.chance(0.7) {
            let (year, month, day) = person.birth
            var buffer = ByteBuffer(handle: nil, fileName: "")
            if dirt == .clean || random.chance(0.7) {
                buffer.append(isoDate: year, month, day)
            } else {
                buffer.append(padded: day, width: 2)
                buffer.append(UInt8(ascii: "."))
                buffer.append(padded: month, width: 2)
                buffer.append(UInt8(ascii: "."))
                buffer.append(padded: year, width: 4)
            }
            birthDate = buffer.text
        }
        var city = random.chance(0.8) ? person.city : ""
        let language = random.chance(0.85) ? person.country.language : ""
        let created = person.createdMilliseconds + Int64(random.below(30)) * CivilTime.dayMilliseconds
        if dirt == .hostile && random.chance(0.05) {
            switch random.below(7) {
            case 0: birthDate = random.pick(["31.02.1990", "1990-13-01", "yesterday", "0000-00-00", "29.02.2023"])
            case 1: email = random.pick(["not-an-email", "a@@b.c", "@mail.ru", "x@", "имя@почта"])
            case 2: city = String(repeating: "Z", count: 5000)
            case 3: firstName = person.firstName + "\u{0}\u{7}"
            case 4: lastName = person.lastName + " \"the\" " + person.lastName
            case 5: city = person.city + "\n" + person.city
            default: phone = random.pick(["12", "+7 (999) abc", "++++", "8800", "000"])
            }
        }
        let line = dirt == .hostile ? "\r\n" as StaticString : "\n"
        let fields = [
            ids.contains(.externalId) ? person.externalId : "", email, phone, firstName, lastName, birthDate,
            person.gender, city, person.country.code, language,
        ]
        customers.append(source)
        customers.append(UInt8(ascii: ","))
        customers.append(source)
        customers.append(UInt8(ascii: "-"))
        customers.append(hex: recordNumber, digits: 12)
        for field in fields {
            customers.append(UInt8(ascii: ","))
            customers.append(csvField: field)
        }
        customers.append(UInt8(ascii: ","))
        customers.append(timestamp: created)
        customers.append(line)

        truth.append(source)
        truth.append(UInt8(ascii: ","))
        truth.append(source)
        truth.append(UInt8(ascii: "-"))
        truth.append(hex: recordNumber, digits: 12)
        truth.append(UInt8(ascii: ","))
        truth.append(person.personId)
        truth.append(UInt8(ascii: "\n"))
    }
}
