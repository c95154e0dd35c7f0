/// Makes persons in order; the only state carried from one person to the next is a pending household share.
struct PersonFactory {
    private let seed: UInt64
    private let dirt: SampleDirtLevel
    private let referenceMilliseconds: Int64
    /// A household member waiting for the next customer with an external id to share with.
    private var pendingShare: GeneratedPerson?

    /// Probability that a customer with an external id starts a household share (dirt level 1 and above).
    static let householdProbability = 0.03
    /// Share of persons with an external id.
    static let externalIdProbability = 0.8
    /// Behaviour types and their weights.
    static let behaviours: [SampleBehaviour] = [.loyal, .regular, .churned, .cartAbandoner, .browser, .dormant]
    static let behaviourWeights = [12, 30, 15, 15, 18, 10]
    static let domains = [
        "gmail.com", "mail.ru", "yandex.ru", "ukr.net", "abv.bg", "web.de", "orange.fr", "wp.pl", "outlook.com",
        "proton.me", "gmx.de", "icloud.com",
    ]

    init(options: SampleDataOptions) {
        seed = options.seed
        dirt = options.dirt
        referenceMilliseconds = options.referenceMilliseconds
    }

    /// The start of the two-year window that creation dates and events fall in.
    static func windowStart(referenceMilliseconds: Int64) -> Int64 {
        referenceMilliseconds - 730 * CivilTime.dayMilliseconds
    }

    /// The person at `index`; call with consecutive indices from zero.
    mutating func make(index: Int) -> GeneratedPerson {
        var random = RandomSource(seed: seed, stream: .person, index: index)
        let hasExternalId = random.chance(Self.externalIdProbability)
        var donor: GeneratedPerson?
        var startsHousehold = false
        if dirt != .clean && hasExternalId {
            if let pending = pendingShare {
                donor = pending
                pendingShare = nil
            } else {
                startsHousehold = random.chance(Self.householdProbability)
            }
        }
        let country = donor?.country ?? CountryTable.all[random.weightedIndex(CountryTable.weights)]
        let isFemale = random.chance(0.5)
        let names = country.names
        let given = isFemale ? random.pick(names.femaleGiven) : random.pick(names.maleGiven)
        var familyIndex = random.below(names.family.count)
        if let donor,
            let match = names.family.firstIndex(where: {
                $0.male.text == donor.lastName || $0.female.text == donor.lastName
            })
        {
            familyIndex = match
        }
        let family = isFemale ? names.family[familyIndex].female : names.family[familyIndex].male
        let genderRoll = random.below(3)
        let gender = genderRoll == 2 ? "" : (isFemale ? "f" : "m")
        let city = donor?.city ?? random.pick(country.cities)

        let birthDay =
            CivilTime.dayNumber(ofMilliseconds: referenceMilliseconds)
            - Int64(random.int(in: 14...80) * 365 + random.int(in: 0...364))
        let birth = CivilTime.civil(fromDays: birthDay)

        let number = index * 7 + random.int(in: 0...6)
        let local: String
        switch random.below(4) {
        case 0: local = "\(given.slug)_\(family.slug)\(number)"
        case 1: local = "\(given.slug)\(family.slug)\(number)"
        case 2: local = "\(given.slug.prefix(1)).\(family.slug)\(number)"
        default: local = "\(given.slug).\(family.slug)\(number)"
        }
        var email = local + "@" + random.pick(Self.domains)

        let leading = random.pick(country.mobileLeadingDigits)
        let tailDigits = country.nationalDigits - leading.count
        let tail = String(UniqueNumbers.phoneTail(index: index, seed: seed, digits: tailDigits))
        let national = leading + String(repeating: "0", count: tailDigits - tail.count) + tail
        var phones = PhoneRenderings.renderings(national: national, country: country, dirt: dirt)

        let externalId: String
        if hasExternalId {
            let digits = String(UniqueNumbers.externalIdNumber(index: index, seed: seed))
            externalId = "C" + String(repeating: "0", count: 12 - digits.count) + digits
        } else {
            externalId = ""
        }
        let windowStart = Self.windowStart(referenceMilliseconds: referenceMilliseconds)
        let created = windowStart + Int64(random.below(700 * 86_400)) * 1000
        let behaviour = Self.behaviours[random.weightedIndex(Self.behaviourWeights)]
        var anonymousIds: [String] = []
        for _ in 0..<random.int(in: 1...3) {
            var buffer = ByteBuffer(handle: nil, fileName: "")
            buffer.append(uuidHigh: random.next(), low: random.next())
            anonymousIds.append(buffer.text)
        }
        let versionOne = random.chance(0.5)
        let version = "\(country.jurisdiction.rawValue)-\(country.language)-v\(versionOne ? 1 : 2)"

        var shared: SamplePerson.SharedIdentifier?
        if let donor, let kind = donor.shared {
            shared = kind
            if kind == .email { email = donor.email } else { phones = donor.phoneRenderings }
        } else if startsHousehold {
            shared = random.chance(0.5) ? .email : .phone
        }
        let person = GeneratedPerson(
            index: index, personId: Self.personId(index), externalId: externalId, email: email,
            phoneRenderings: phones, firstName: given.text, lastName: family.text, birth: birth, gender: gender,
            city: city, country: country, createdMilliseconds: created, behaviour: behaviour,
            anonymousIds: anonymousIds, shared: shared, consentTextVersion: version, consentTextIsVersionOne: versionOne
        )
        if startsHousehold { pendingShare = person }
        return person
    }

    /// `P` followed by the index in at least eight digits.
    static func personId(_ index: Int) -> String {
        let digits = String(index)
        return "P" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
